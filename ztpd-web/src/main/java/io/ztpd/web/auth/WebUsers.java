package io.ztpd.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users of the API and the board ({@code users:} in ztpd.yaml). With none, ztpd runs open:
 * everybody is an administrator (and the server says so in its log at start).
 *
 * <p>bcrypt is slow on purpose, too slow for every API call of a browser: a successful login is
 * remembered for five minutes, keyed by a SHA-256 of name and password (never the password).
 */
public final class WebUsers {
  private static final Duration REMEMBER = Duration.ofMinutes(5);
  private static final int MAX_REMEMBERED = 1000;

  private final Map<String, WebUser> byName = new LinkedHashMap<>();
  private final Map<String, Remembered> remembered = new LinkedHashMap<>();

  private record Remembered(WebUser user, long until) {}

  public WebUsers(List<WebUser> users) {
    for (WebUser u : users) byName.put(u.name(), u);
  }

  /** No users: everybody may do everything. */
  public static WebUsers open() {
    return new WebUsers(List.of());
  }

  public boolean isOpen() {
    return byName.isEmpty();
  }

  public List<WebUser> all() {
    return List.copyOf(byName.values());
  }

  /** The user with this name and password, empty when either is wrong. */
  public Optional<WebUser> authenticate(String name, String password) {
    WebUser u = byName.get(name);
    if (u == null || password == null) return Optional.empty();
    String key = key(name, password);
    long now = System.nanoTime();
    synchronized (remembered) {
      Remembered r = remembered.get(key);
      if (r != null && r.until() - now > 0) return Optional.of(r.user());
    }
    if (!PasswordHashes.verify(u.passwordHash(), password)) return Optional.empty();
    synchronized (remembered) {
      if (remembered.size() >= MAX_REMEMBERED) remembered.clear();
      remembered.put(key, new Remembered(u, now + REMEMBER.toNanos()));
    }
    return Optional.of(u);
  }

  private static String key(String name, String password) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(name.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
