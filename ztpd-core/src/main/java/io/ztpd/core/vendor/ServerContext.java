package io.ztpd.core.vendor;

/**
 * How devices reach ztpd, for the URLs and addresses a profile puts into DHCP options and scripts.
 *
 * @param serverIp address devices use to reach ztpd's file servers (also the DHCP server id)
 * @param httpPort HTTP port
 * @param httpsPort HTTPS port, 0 when off
 * @param tftpPort TFTP port (69 in production)
 * @param ftpPort FTP port, 0 when off
 * @param sftpPort SFTP port, 0 when off
 * @param syslogPort syslog port, 0 when off
 */
public record ServerContext(
    String serverIp,
    int httpPort,
    int httpsPort,
    int tftpPort,
    int ftpPort,
    int sftpPort,
    int syslogPort) {

  /** {@code http://ip[:port]} without a trailing slash. */
  public String httpBase() {
    return "http://" + serverIp + (httpPort == 80 ? "" : ":" + httpPort);
  }

  public String httpsBase() {
    return "https://" + serverIp + (httpsPort == 443 ? "" : ":" + httpsPort);
  }

  /** The HTTP URL of a resolver path: {@code http://ip[:port]/ztp/<path>}. */
  public String ztpUrl(String path) {
    return httpBase() + "/ztp/" + path;
  }

  /** Where generated scripts {@code POST} their progress ({@code /ztp/report}). */
  public String reportUrl() {
    return ztpUrl("report");
  }
}
