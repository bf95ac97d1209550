package io.ztpd.sim.net;

/**
 * A file transfer that did not deliver the file: the protocol, what was asked for, why, and whether
 * the server said the file does not exist (TFTP error 1, HTTP 404, FTP 550 ...).
 */
public final class TransferException extends Exception {
  private final boolean notFound;

  public TransferException(String protocol, String what, String reason) {
    this(protocol, what, reason, false);
  }

  public TransferException(String protocol, String what, String reason, boolean notFound) {
    super(protocol + " " + what + ": " + reason, null, false, false);
    this.notFound = notFound;
  }

  public boolean notFound() {
    return notFound;
  }
}
