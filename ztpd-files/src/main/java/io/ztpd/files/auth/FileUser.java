package io.ztpd.files.auth;

import java.util.Objects;

/**
 * A login for FTP / SFTP (e.g. Huawei's {@code FILESERVER=sftp://user:pass@host/path}).
 *
 * @param name user name
 * @param password password (compared in constant time)
 * @param site when set, the login is meant for devices of this site (passed to the resolver as hint
 *     {@code site})
 * @param deviceId when set, the login is meant for this one device (hint {@code device})
 */
public record FileUser(String name, String password, String site, String deviceId) {
  public FileUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(password, "password");
    if (name.isBlank()) {
      throw new IllegalArgumentException("file server user name must not be blank");
    }
  }

  public static FileUser of(String name, String password) {
    return new FileUser(name, password, null, null);
  }

  @Override
  public String toString() {
    return "FileUser["
        + name
        + (site != null ? ", site=" + site : "")
        + (deviceId != null ? ", device=" + deviceId : "")
        + "]";
  }
}
