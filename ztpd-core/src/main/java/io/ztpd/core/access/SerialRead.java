package io.ztpd.core.access;

/** The outcome of reading a device's serial over SSH. */
public sealed interface SerialRead {
  /**
   * @param serial the chassis serial the device reports
   * @param output the show command's output
   */
  record Read(String serial, String output) implements SerialRead {}

  /**
   * @param reason why
   * @param message a sentence for the operator
   * @param output what the device said, if anything (may be empty)
   */
  record Failed(AccessFailure reason, String message, String output) implements SerialRead {}
}
