package io.ztpd.files.sftp;

import io.ztpd.files.auth.FileUser;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * SFTP server settings (started only when enabled in ztpd.yaml).
 *
 * @param bind address to listen on
 * @param port SSH port (22 in production, 0 for an ephemeral port in tests)
 * @param idleTimeout an idle session is closed after this
 * @param users logins (password authentication only); each may be bound to a site or a device
 * @param hostKey where the host key lives; generated there on first start
 */
public record SftpConfig(
    InetAddress bind, int port, Duration idleTimeout, List<FileUser> users, Path hostKey) {
  public SftpConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(hostKey, "hostKey");
    users = users == null ? List.of() : List.copyOf(users);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("sftp port " + port + " is not 0-65535");
    }
    if (users.isEmpty()) {
      throw new IllegalArgumentException("sftp enabled without users");
    }
  }

  public static SftpConfig of(InetAddress bind, int port, List<FileUser> users, Path hostKey) {
    return new SftpConfig(bind, port, Duration.ofMinutes(5), users, hostKey);
  }
}
