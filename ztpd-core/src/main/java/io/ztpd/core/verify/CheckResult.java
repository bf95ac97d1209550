package io.ztpd.core.verify;

import io.ztpd.core.access.AccessFailure;
import java.time.Duration;

/**
 * The outcome of one serial check attempt.
 *
 * @param outcome checked, mismatch or failed
 * @param observed the serial the device reported, null when it could not be read
 * @param expected the declared serial it was compared with
 * @param reason why the attempt failed, null otherwise
 * @param message a sentence for the operator
 * @param attempt which attempt this was (1-based)
 * @param nextAttempt when the next attempt runs, null when none will
 */
public record CheckResult(
    Outcome outcome,
    String observed,
    String expected,
    AccessFailure reason,
    String message,
    int attempt,
    Duration nextAttempt) {

  public enum Outcome {
    CHECKED,
    MISMATCH,
    FAILED
  }
}
