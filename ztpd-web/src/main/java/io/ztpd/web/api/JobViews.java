package io.ztpd.web.api;

import io.ztpd.core.store.Job;
import io.ztpd.core.store.JobRepository;
import io.ztpd.core.store.JobResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How push jobs look in JSON: states in snake case plus the board's label. */
final class JobViews {
  private JobViews() {}

  static Map<String, Object> job(Job j, JobRepository jobs, boolean withOutput) {
    List<JobResult> results = jobs.results(j.id());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", j.id());
    m.put("created", j.created());
    m.put("requested_by", j.requestedBy());
    m.put("state", snake(j.state()));
    m.put("label", jobLabel(j.state()));
    m.put("approval", snake(j.approval()));
    m.put("approved_by", j.approvedBy());
    m.put("description", j.description());
    Instant finished = null;
    boolean done = !results.isEmpty();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (JobResult.Outcome o : JobResult.Outcome.values()) counts.put(outcomeName(o), 0);
    for (JobResult r : results) {
      counts.merge(outcomeName(r.outcome()), 1, Integer::sum);
      if (r.finished() == null) done = false;
      else if (finished == null || r.finished().isAfter(finished)) finished = r.finished();
    }
    m.put("finished", done ? finished : null);
    m.put("counts", counts);
    m.put("results", results.stream().map(r -> result(r, withOutput)).toList());
    return m;
  }

  private static Map<String, Object> result(JobResult r, boolean withOutput) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("device_id", r.deviceId());
    m.put("outcome", outcomeName(r.outcome()));
    m.put("label", outcomeLabel(r.outcome()));
    String out = r.output();
    int nl = out.indexOf('\n');
    m.put("summary", nl < 0 ? out : out.substring(0, nl));
    if (withOutput) m.put("output", out);
    m.put("started", r.started());
    m.put("finished", r.finished());
    return m;
  }

  private static String snake(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  static String outcomeName(JobResult.Outcome o) {
    return snake(o);
  }

  static String outcomeLabel(JobResult.Outcome o) {
    return switch (o) {
      case WAITING -> "Waiting";
      case RUNNING -> "Running";
      case SUCCEEDED -> "Success";
      case FAILED -> "Failed";
      case PARTIALLY_COMPLETED -> "Partially Completed";
      case SKIPPED -> "Skipped";
    };
  }

  static String jobLabel(Job.State s) {
    return switch (s) {
      case PENDING_APPROVAL -> "Pending Approval";
      case QUEUED -> "Queued";
      case RUNNING -> "Running";
      case SUCCEEDED -> "Success";
      case FAILED -> "Failed";
      case PARTIALLY_COMPLETED -> "Partially Completed";
      case CANCELLED -> "Cancelled";
    };
  }
}
