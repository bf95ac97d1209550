package io.ztpd.sim.device;

/**
 * A provisioning step that failed on the device: which step, why, and whether the device starts ZTP
 * over (a corrupted file, a transfer that failed) or stops (nothing to retry).
 */
public final class StepFailure extends Exception {
  private final String step;
  private final boolean retryable;

  public StepFailure(String step, String reason, boolean retryable) {
    super(reason, null, false, false);
    this.step = step;
    this.retryable = retryable;
  }

  public static StepFailure retry(String step, String reason) {
    return new StepFailure(step, reason, true);
  }

  public static StepFailure fatal(String step, String reason) {
    return new StepFailure(step, reason, false);
  }

  public String step() {
    return step;
  }

  public boolean retryable() {
    return retryable;
  }
}
