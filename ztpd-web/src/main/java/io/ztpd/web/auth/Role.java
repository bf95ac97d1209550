package io.ztpd.web.auth;

import java.util.Locale;

/** What a user may do, each role including the ones before it. */
public enum Role {
  /** Reads everything but the generated device passwords. */
  VIEWER,
  /** Also changes things: inventory, templates, serial checks, pushes; sees device accounts. */
  OPERATOR,
  /** Also approves push jobs of groups that require approval. */
  ADMIN;

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** "viewer" | "operator" | "admin". */
  public static Role parse(String s) {
    for (Role r : values()) if (r.label().equalsIgnoreCase(s == null ? "" : s.strip())) return r;
    throw new IllegalArgumentException("'" + s + "' is not one of viewer, operator, admin");
  }
}
