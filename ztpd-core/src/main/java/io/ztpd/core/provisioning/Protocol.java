package io.ztpd.core.provisioning;

/** How a device fetches a file. */
public enum Protocol {
  TFTP,
  HTTP,
  HTTPS,
  FTP,
  SFTP;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
