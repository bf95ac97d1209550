package io.ztpd.web.auth;

import java.util.Objects;

/**
 * A person allowed on the API and the board.
 *
 * @param name login name
 * @param passwordHash bcrypt ({@code $2a$}, {@code $2b$}, {@code $2y$}) or {@code
 *     pbkdf2-sha256:<iterations>:<salt>:<hash>} (base64), see {@link PasswordHashes}
 * @param role what the user may do
 */
public record WebUser(String name, String passwordHash, Role role) {
  public WebUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(role, "role");
  }

  @Override
  public String toString() {
    return "WebUser[" + name + ", " + role.label() + "]";
  }
}
