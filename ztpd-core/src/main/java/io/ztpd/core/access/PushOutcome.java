package io.ztpd.core.access;

/**
 * What applying a configuration to one device did.
 *
 * @param result how it ended
 * @param linesApplied configuration lines that took effect
 * @param linesTotal configuration lines in the push
 * @param failedLine the line the device rejected, null if none
 * @param message a sentence for the operator (the device's error, or why the connection failed)
 * @param failure why ztpd could not get in or stay in, null when the session went through
 * @param transcript the session as the device printed it (the account password masked)
 */
public record PushOutcome(
    Result result,
    int linesApplied,
    int linesTotal,
    String failedLine,
    String message,
    AccessFailure failure,
    String transcript) {

  public enum Result {
    SUCCEEDED,
    PARTIALLY_COMPLETED,
    FAILED
  }

  /** Could not log in or lost the session before anything was applied. */
  public static PushOutcome notConnected(AccessFailure why, String message, String transcript) {
    return new PushOutcome(Result.FAILED, 0, 0, null, message, why, transcript);
  }
}
