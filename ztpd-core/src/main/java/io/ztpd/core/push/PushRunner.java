package io.ztpd.core.push;

import io.ztpd.core.access.AccessFailure;
import io.ztpd.core.access.DeviceAccess;
import io.ztpd.core.access.DeviceTargets;
import io.ztpd.core.access.DeviceTargets.Target;
import io.ztpd.core.access.PushOutcome;
import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.event.EventRecorder;
import io.ztpd.core.inventory.Inventory;
import io.ztpd.core.model.Device;
import io.ztpd.core.provisioning.TemplateArtifacts;
import io.ztpd.core.provisioning.TemplateArtifacts.Stage;
import io.ztpd.core.store.Job;
import io.ztpd.core.store.JobRepository;
import io.ztpd.core.store.JobResult;
import io.ztpd.core.template.RenderResult;
import io.ztpd.core.vendor.CliDialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Runs one push job: each device on its own virtual thread (at most {@value #PARALLEL} logged in at
 * once), its result stored as it ends, the job's state summed up at the end. A result's output is a
 * one-line summary, a blank line, then the device's session transcript.
 */
final class PushRunner {
  static final int PARALLEL = 16;

  private final Inventory inventory;
  private final EventRecorder events;
  private final JobRepository jobs;
  private final TemplateArtifacts templates;
  private final DeviceTargets targets;
  private final DeviceAccess access;
  private final Semaphore slots = new Semaphore(PARALLEL);

  PushRunner(
      Inventory inventory,
      EventRecorder events,
      JobRepository jobs,
      TemplateArtifacts templates,
      DeviceTargets targets,
      DeviceAccess access) {
    this.inventory = inventory;
    this.events = events;
    this.jobs = jobs;
    this.templates = templates;
    this.targets = targets;
    this.access = access;
  }

  Optional<CliDialect> dialect(Device d) {
    return targets.dialect(d);
  }

  void run(Job job) {
    jobs.update(withState(job, Job.State.RUNNING));
    List<JobResult> waiting = jobs.results(job.id());
    List<Thread> threads = new ArrayList<>();
    for (JobResult r : waiting) {
      threads.add(
          Thread.ofVirtual()
              .name("push-" + job.id() + "-" + r.deviceId())
              .start(() -> device(job, r.deviceId())));
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    jobs.update(withState(job, summary(jobs.results(job.id()))));
  }

  /** A job left queued or running by a previous run: what did not finish failed. */
  void interrupted(Job job) {
    for (JobResult r : jobs.results(job.id())) {
      if (r.outcome() != JobResult.Outcome.WAITING && r.outcome() != JobResult.Outcome.RUNNING) {
        continue;
      }
      String msg = "ztpd stopped during the push; push again to retry";
      jobs.putResult(
          new JobResult(
              job.id(), r.deviceId(), JobResult.Outcome.FAILED, msg, r.started(), Instant.now()));
      record(
          r.deviceId(),
          EventKind.PUSH_FAILED,
          "final push failed (job " + job.id() + "): " + msg,
          Map.of("job", Long.toString(job.id()), "reason", "interrupted"));
    }
    jobs.update(withState(job, summary(jobs.results(job.id()))));
  }

  private void device(Job job, String deviceId) {
    Instant started = Instant.now();
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      jobs.putResult(
          new JobResult(job.id(), deviceId, JobResult.Outcome.RUNNING, "", started, null));
      record(
          deviceId,
          EventKind.PUSH_STARTED,
          "final push started (job " + job.id() + ")",
          Map.of("job", Long.toString(job.id())));
      PushOutcome o = push(deviceId);
      JobResult.Outcome outcome =
          switch (o.result()) {
            case SUCCEEDED -> JobResult.Outcome.SUCCEEDED;
            case PARTIALLY_COMPLETED -> JobResult.Outcome.PARTIALLY_COMPLETED;
            case FAILED -> JobResult.Outcome.FAILED;
          };
      String output = o.message() + (o.transcript().isBlank() ? "" : "\n\n" + o.transcript());
      jobs.putResult(new JobResult(job.id(), deviceId, outcome, output, started, Instant.now()));
      Map<String, String> data = new LinkedHashMap<>();
      data.put("job", Long.toString(job.id()));
      data.put("lines_applied", Integer.toString(o.linesApplied()));
      data.put("lines_total", Integer.toString(o.linesTotal()));
      if (o.failedLine() != null) data.put("failed_line", o.failedLine());
      if (o.failure() != null) data.put("reason", o.failure().code());
      EventKind kind =
          switch (o.result()) {
            case SUCCEEDED -> EventKind.PUSH_SUCCEEDED;
            case PARTIALLY_COMPLETED -> EventKind.PUSH_PARTIAL;
            case FAILED -> EventKind.PUSH_FAILED;
          };
      String word =
          switch (o.result()) {
            case SUCCEEDED -> "final push succeeded";
            case PARTIALLY_COMPLETED -> "final push partially completed";
            case FAILED -> "final push failed";
          };
      record(deviceId, kind, word + " (job " + job.id() + "): " + o.message(), data);
    } finally {
      slots.release();
    }
  }

  private PushOutcome push(String deviceId) {
    Device d = inventory.device(deviceId).orElse(null);
    if (d == null) {
      return PushOutcome.notConnected(
          AccessFailure.UNSUPPORTED, "the device was deleted before its push", "");
    }
    String config =
        switch (templates.render(d, Stage.FINAL)) {
          case RenderResult.Rendered r -> r.text();
          case RenderResult.Failed f -> null;
        };
    if (config == null) {
      return PushOutcome.notConnected(
          AccessFailure.BAD_SETTING,
          "the final template no longer renders: "
              + ((RenderResult.Failed) templates.render(d, Stage.FINAL)).describe(),
          "");
    }
    return switch (targets.target(d)) {
      case Target.Missing m -> PushOutcome.notConnected(m.reason(), m.message(), "");
      case Target.Ready r -> access.push(r.login(), r.dialect(), config);
    };
  }

  /** All succeeded, all failed, or a mix (Partially Completed). */
  static Job.State summary(List<JobResult> results) {
    long ok = results.stream().filter(r -> r.outcome() == JobResult.Outcome.SUCCEEDED).count();
    long failed = results.stream().filter(r -> r.outcome() == JobResult.Outcome.FAILED).count();
    if (ok == results.size()) return Job.State.SUCCEEDED;
    if (failed == results.size()) return Job.State.FAILED;
    return Job.State.PARTIALLY_COMPLETED;
  }

  private static Job withState(Job j, Job.State state) {
    return new Job(
        j.id(), j.created(), j.requestedBy(), state, j.approval(), j.approvedBy(), j.description());
  }

  private void record(String deviceId, EventKind kind, String detail, Map<String, String> data) {
    events.record(Event.of(deviceId, kind, "ssh", detail, data)).join();
  }
}
