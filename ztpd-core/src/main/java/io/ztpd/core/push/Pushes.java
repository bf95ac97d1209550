package io.ztpd.core.push;

import io.ztpd.core.access.DeviceAccess;
import io.ztpd.core.access.DeviceTargets;
import io.ztpd.core.access.Refusal;
import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.event.EventRecorder;
import io.ztpd.core.inventory.Inventory;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.lifecycle.FinalState;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.provisioning.TemplateArtifacts;
import io.ztpd.core.provisioning.TemplateArtifacts.Stage;
import io.ztpd.core.store.Job;
import io.ztpd.core.store.JobRepository;
import io.ztpd.core.store.JobResult;
import io.ztpd.core.template.RenderResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The final push: render each device's final configuration and apply it over SSH with its vendor's
 * method, as a {@link Job} with one result per device (Success / Failed / Partially Completed, with
 * the device's output). A device whose group requires approval holds the whole job at Pending
 * Approval until {@link #approve}. Only verified devices (serial Checked) are pushed.
 */
public final class Pushes implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Pushes.class);

  /** At most this many devices in one job. */
  public static final int MAX_DEVICES = 1000;

  private final Inventory inventory;
  private final Function<String, DeviceStatus> statuses;
  private final EventRecorder events;
  private final JobRepository jobs;
  private final TemplateArtifacts templates;
  private final PushRunner runner;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

  public Pushes(
      Inventory inventory,
      Function<String, DeviceStatus> statuses,
      EventRecorder events,
      JobRepository jobs,
      TemplateArtifacts templates,
      DeviceTargets targets,
      DeviceAccess access) {
    this.inventory = inventory;
    this.statuses = statuses;
    this.events = events;
    this.jobs = jobs;
    this.templates = templates;
    this.runner = new PushRunner(inventory, events, jobs, templates, targets, access);
  }

  /**
   * Creates a push job for these devices and starts it, or holds it for approval.
   *
   * @throws Refusal INVALID (no devices, too many), NOT_FOUND (unknown device), CONFLICT (a device
   *     is not verified or already being pushed), UNPROCESSABLE (no push method, the final template
   *     fails); nothing is pushed then
   */
  public synchronized Job submit(List<String> deviceIds, String requestedBy) {
    // synchronized: two pushes of one device asked at once must not both pass the state check
    Set<String> ids = new LinkedHashSet<>(deviceIds == null ? List.of() : deviceIds);
    if (ids.isEmpty()) {
      throw new Refusal(Refusal.Kind.INVALID, "no devices to push", "devices");
    }
    if (ids.size() > MAX_DEVICES) {
      throw new Refusal(
          Refusal.Kind.INVALID, "at most " + MAX_DEVICES + " devices per job", "devices");
    }
    List<Device> devices = new ArrayList<>();
    boolean approval = false;
    for (String id : ids) {
      Device d =
          inventory
              .device(id)
              .orElseThrow(() -> Refusal.notFound("device '" + id + "' does not exist"));
      requirePushable(d);
      if (runner.dialect(d).isEmpty()) {
        throw new Refusal(
            Refusal.Kind.UNPROCESSABLE,
            "device '" + id + "': ztpd has no push method for vendor '" + d.vendor() + "'",
            "devices");
      }
      if (templates.render(d, Stage.FINAL) instanceof RenderResult.Failed f) {
        throw new Refusal(
            Refusal.Kind.UNPROCESSABLE,
            "device '" + id + "': final template: " + f.describe(),
            "devices");
      }
      approval |=
          d.group() != null
              && inventory.group(d.group()).map(Group::approvalRequired).orElse(false);
      devices.add(d);
    }
    Job job =
        jobs.create(
            new Job(
                0,
                Instant.now(),
                requestedBy,
                approval ? Job.State.PENDING_APPROVAL : Job.State.QUEUED,
                approval ? Job.Approval.REQUIRED : Job.Approval.NOT_REQUIRED,
                null,
                "final configuration, "
                    + devices.size()
                    + (devices.size() == 1 ? " device" : " devices")));
    for (Device d : devices) {
      jobs.putResult(new JobResult(job.id(), d.id(), JobResult.Outcome.WAITING, "", null, null));
      events
          .record(
              Event.of(
                  d.id(),
                  EventKind.PUSH_REQUESTED,
                  requestedBy,
                  approval
                      ? "final push requested (job " + job.id() + "), waiting for approval"
                      : "final push requested (job " + job.id() + ")",
                  Map.of(
                      "job",
                      Long.toString(job.id()),
                      "approval",
                      approval ? "required" : "not_required")))
          .join();
    }
    if (!approval) start(job);
    return job;
  }

  /**
   * Approves a job held for approval and starts it.
   *
   * @throws Refusal NOT_FOUND, or CONFLICT when the job is not waiting for approval
   */
  public Job approve(long jobId, String approvedBy) {
    Job job;
    synchronized (this) {
      job = jobs.get(jobId).orElseThrow(() -> Refusal.notFound("job " + jobId + " does not exist"));
      if (job.state() != Job.State.PENDING_APPROVAL) {
        throw Refusal.conflict(
            "job "
                + jobId
                + " is "
                + job.state().name().toLowerCase(java.util.Locale.ROOT)
                + ", not waiting for approval");
      }
      job =
          new Job(
              job.id(),
              job.created(),
              job.requestedBy(),
              Job.State.QUEUED,
              Job.Approval.APPROVED,
              approvedBy,
              job.description());
      jobs.update(job);
    }
    for (JobResult r : jobs.results(jobId)) {
      events
          .record(
              Event.of(
                  r.deviceId(),
                  EventKind.PUSH_APPROVED,
                  approvedBy,
                  "final push approved (job " + jobId + ")",
                  Map.of("job", Long.toString(jobId))))
          .join();
    }
    start(job);
    return job;
  }

  /**
   * Jobs a previous run left queued or running end as failed: their devices were not (fully)
   * pushed, and nobody is pushing them now.
   */
  public void recover() {
    for (Job j : jobs.recent(500)) {
      if (j.state() != Job.State.QUEUED && j.state() != Job.State.RUNNING) continue;
      runner.interrupted(j);
    }
  }

  private void requirePushable(Device d) {
    DeviceStatus s = statuses.apply(d.id());
    boolean retry =
        s.phase() == Phase.FINALIZING
            && (s.fin() == FinalState.FAILED || s.fin() == FinalState.PARTIALLY_COMPLETED);
    if (s.phase() == Phase.VERIFIED || s.phase() == Phase.PROVISIONED || retry) return;
    if (s.phase() == Phase.FINALIZING) {
      throw Refusal.conflict(
          "device '"
              + d.id()
              + "' already has a push "
              + s.fin().label().toLowerCase(java.util.Locale.ROOT));
    }
    throw Refusal.conflict(
        "device '"
            + d.id()
            + "' is not verified (phase "
            + s.phase().label()
            + ", serial "
            + s.serial().label()
            + "): its serial must be Checked before the final push");
  }

  private void start(Job job) {
    workers.execute(
        () -> {
          try {
            runner.run(job);
          } catch (RuntimeException e) {
            log.error("push job {} failed", job.id(), e);
          }
        });
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
