package io.ztpd.core.store;

import java.util.List;
import java.util.Optional;

/** Push jobs and their per-device results. */
public interface JobRepository {
  /** Stores a new job (its {@code id} is ignored) and returns it with the assigned id. */
  Job create(Job job);

  Optional<Job> get(long id);

  /** The newest jobs first. */
  List<Job> recent(int limit);

  /** Replaces state, approval and approver of an existing job; false when there is no such job. */
  boolean update(Job job);

  /** Inserts or replaces the result of one device in a job. */
  void putResult(JobResult result);

  /** Results of a job, by device id. */
  List<JobResult> results(long jobId);
}
