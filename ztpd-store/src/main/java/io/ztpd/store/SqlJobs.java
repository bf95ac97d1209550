package io.ztpd.store;

import io.ztpd.core.store.Job;
import io.ztpd.core.store.JobRepository;
import io.ztpd.core.store.JobResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** Push jobs; ids come from the database (SQLite AUTOINCREMENT, PostgreSQL identity). */
final class SqlJobs implements JobRepository {
  private static final String COLUMNS =
      "id, created_us, requested_by, state, approval, approved_by, description";
  private static final String RESULT_COLUMNS =
      "job_id, device_id, outcome, output, started_us, finished_us";

  private final Db db;

  SqlJobs(Db db) {
    this.db = db;
  }

  @Override
  public Job create(Job job) {
    Job j =
        new Job(
            0,
            Columns.truncate(job.created()),
            job.requestedBy(),
            job.state(),
            job.approval(),
            job.approvedBy(),
            job.description());
    long id =
        db.write(
            h ->
                h.createQuery(
                        "INSERT INTO jobs (created_us, requested_by, state, approval, approved_by,"
                            + " description) VALUES (:created, :by, :state, :approval, :approvedBy,"
                            + " :description) RETURNING id")
                    .bind("created", Columns.micros(j.created()))
                    .bind("by", j.requestedBy())
                    .bind("state", j.state().name())
                    .bind("approval", j.approval().name())
                    .bind("approvedBy", j.approvedBy())
                    .bind("description", j.description())
                    .mapTo(Long.class)
                    .one());
    return new Job(
        id, j.created(), j.requestedBy(), j.state(), j.approval(), j.approvedBy(), j.description());
  }

  @Override
  public Optional<Job> get(long id) {
    return db.read(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id = :id")
                .bind("id", id)
                .map(this::map)
                .findOne());
  }

  @Override
  public List<Job> recent(int limit) {
    return db.read(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM jobs ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(this::map)
                .list());
  }

  @Override
  public boolean update(Job job) {
    return db.write(
            h ->
                h.createUpdate(
                        "UPDATE jobs SET state = :state, approval = :approval,"
                            + " approved_by = :approvedBy WHERE id = :id")
                    .bind("id", job.id())
                    .bind("state", job.state().name())
                    .bind("approval", job.approval().name())
                    .bind("approvedBy", job.approvedBy())
                    .execute())
        > 0;
  }

  @Override
  public void putResult(JobResult r) {
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO job_results ("
                        + RESULT_COLUMNS
                        + ") VALUES (:job, :device, :outcome, :output, :started, :finished)"
                        + " ON CONFLICT (job_id, device_id) DO UPDATE SET outcome = excluded.outcome,"
                        + " output = excluded.output, started_us = excluded.started_us,"
                        + " finished_us = excluded.finished_us")
                .bind("job", r.jobId())
                .bind("device", r.deviceId())
                .bind("outcome", r.outcome().name())
                .bind("output", r.output())
                .bind("started", Columns.micros(r.started()))
                .bind("finished", Columns.micros(r.finished()))
                .execute());
  }

  @Override
  public List<JobResult> results(long jobId) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT "
                        + RESULT_COLUMNS
                        + " FROM job_results WHERE job_id = :job ORDER BY device_id")
                .bind("job", jobId)
                .map(
                    (rs, ctx) ->
                        new JobResult(
                            rs.getLong("job_id"),
                            rs.getString("device_id"),
                            Columns.enumOf(JobResult.Outcome.class, rs, "outcome"),
                            rs.getString("output"),
                            Columns.instant(rs, "started_us"),
                            Columns.instant(rs, "finished_us")))
                .list());
  }

  private Job map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Job(
        rs.getLong("id"),
        Columns.instant(rs, "created_us"),
        rs.getString("requested_by"),
        Columns.enumOf(Job.State.class, rs, "state"),
        Columns.enumOf(Job.Approval.class, rs, "approval"),
        rs.getString("approved_by"),
        rs.getString("description"));
  }
}
