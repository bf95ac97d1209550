package io.ztpd.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What a job did on one device.
 *
 * @param jobId the job
 * @param deviceId the device
 * @param outcome how it went
 * @param output device output / error text (may be long)
 * @param started when the push to this device started, null if not yet
 * @param finished when it ended, null if not yet
 */
public record JobResult(
    long jobId,
    String deviceId,
    Outcome outcome,
    String output,
    Instant started,
    Instant finished) {

  public JobResult {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(outcome, "outcome");
    output = output == null ? "" : output;
  }

  public enum Outcome {
    WAITING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    PARTIALLY_COMPLETED,
    SKIPPED
  }
}
