package io.ztpd.files.tftp;

/** TFTP error codes (RFC 1350, 2347). */
public final class TftpError {
  private TftpError() {}

  public static final int UNDEFINED = 0;
  public static final int FILE_NOT_FOUND = 1;
  public static final int ACCESS_VIOLATION = 2;
  public static final int DISK_FULL = 3;
  public static final int ILLEGAL_OPERATION = 4;
  public static final int UNKNOWN_TID = 5;
  public static final int FILE_EXISTS = 6;
  public static final int NO_SUCH_USER = 7;
  public static final int OPTION_REFUSED = 8;
}
