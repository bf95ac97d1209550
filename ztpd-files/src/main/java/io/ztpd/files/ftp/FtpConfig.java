package io.ztpd.files.ftp;

import io.ztpd.files.auth.FileUser;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * FTP server settings (started only when enabled in ztpd.yaml).
 *
 * @param bind address to listen on
 * @param port control port (21, or 0 for an ephemeral port in tests)
 * @param maxSessions concurrent logins
 * @param idleTimeout a session idle this long is closed
 * @param users logins; each may be bound to a site or a device
 * @param anonymous whether "anonymous" may log in (off by default)
 * @param passivePorts passive data port range as FtpServer takes it ("30000-30100"), null for any
 */
public record FtpConfig(
    InetAddress bind,
    int port,
    int maxSessions,
    Duration idleTimeout,
    List<FileUser> users,
    boolean anonymous,
    String passivePorts) {
  public FtpConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    users = users == null ? List.of() : List.copyOf(users);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("ftp port " + port + " is not 0-65535");
    }
    if (maxSessions < 1) {
      throw new IllegalArgumentException("ftp max sessions must be at least 1");
    }
    if (users.isEmpty() && !anonymous) {
      throw new IllegalArgumentException("ftp enabled without users and without anonymous login");
    }
  }

  public static FtpConfig of(InetAddress bind, int port, List<FileUser> users) {
    return new FtpConfig(bind, port, 100, Duration.ofMinutes(5), users, false, null);
  }
}
