package io.ztpd.files.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The logins of a file server, checked the same way by FTP and SFTP. */
public final class FileUsers {
  private final Map<String, FileUser> byName = new LinkedHashMap<>();

  public FileUsers(List<FileUser> users) {
    for (FileUser u : users) {
      if (byName.putIfAbsent(u.name(), u) != null) {
        throw new IllegalArgumentException("file server user '" + u.name() + "' is listed twice");
      }
    }
  }

  /** The user when name and password match, else empty. */
  public Optional<FileUser> authenticate(String name, String password) {
    if (name == null || password == null) {
      return Optional.empty();
    }
    FileUser u = byName.get(name);
    byte[] given = password.getBytes(StandardCharsets.UTF_8);
    byte[] expected =
        (u == null ? "\0no such user" : u.password()).getBytes(StandardCharsets.UTF_8);
    boolean match = MessageDigest.isEqual(given, expected); // constant time, also for unknown users
    return match && u != null ? Optional.of(u) : Optional.empty();
  }

  public Optional<FileUser> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /**
   * Resolver hints for a request made under this login: {@code user}, and {@code site} / {@code
   * device} when bound.
   */
  public static Map<String, String> hints(FileUser user) {
    Map<String, String> hints = new HashMap<>();
    hints.put("user", user.name());
    if (user.site() != null) {
      hints.put("site", user.site());
    }
    if (user.deviceId() != null) {
      hints.put("device", user.deviceId());
    }
    return hints;
  }
}
