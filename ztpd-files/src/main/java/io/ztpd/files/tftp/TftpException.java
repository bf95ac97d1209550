package io.ztpd.files.tftp;

/** A request or packet refused with a TFTP error code and a message for the peer. */
public final class TftpException extends Exception {
  private final int code;

  public TftpException(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
