package io.ztpd.sim.ssh;

/**
 * Misbehaviour a simulated device can be told to show, to exercise ztpd's error paths.
 *
 * @param reportedSerial the serial the show commands print instead of the real one (a device
 *     declared with a temporary serial); null for the real one
 * @param rejectCredentials refuse every login, even with the right password
 * @param failAfterLines accept this many configuration lines per session, then reject every further
 *     one with the vendor's error (a push failing half-way); negative for never
 * @param rejectPattern a regular expression: configuration lines containing a match are rejected;
 *     null for none
 * @param dropConnections close every connection as soon as it is accepted
 */
public record SshFaults(
    String reportedSerial,
    boolean rejectCredentials,
    int failAfterLines,
    String rejectPattern,
    boolean dropConnections) {

  /** A well-behaved device. */
  public static final SshFaults NONE = new SshFaults(null, false, -1, null, false);

  public SshFaults withReportedSerial(String serial) {
    return new SshFaults(serial, rejectCredentials, failAfterLines, rejectPattern, dropConnections);
  }

  public SshFaults withRejectCredentials(boolean reject) {
    return new SshFaults(reportedSerial, reject, failAfterLines, rejectPattern, dropConnections);
  }

  public SshFaults withFailAfterLines(int lines) {
    return new SshFaults(reportedSerial, rejectCredentials, lines, rejectPattern, dropConnections);
  }

  public SshFaults withRejectPattern(String regex) {
    return new SshFaults(reportedSerial, rejectCredentials, failAfterLines, regex, dropConnections);
  }

  public SshFaults withDropConnections(boolean drop) {
    return new SshFaults(reportedSerial, rejectCredentials, failAfterLines, rejectPattern, drop);
  }
}
