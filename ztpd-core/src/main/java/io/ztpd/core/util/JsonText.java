package io.ztpd.core.util;

/**
 * JSON string literals written by hand, for the few hot or dependency-free places that build JSON
 * without an object mapper (event data in the store, simulator reports, the Kea export).
 */
public final class JsonText {
  private JsonText() {}

  /** Appends {@code s} as a JSON string literal (RFC 8259): quote, backslash, controls escaped. */
  public static StringBuilder appendString(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"');
  }

  /** {@code s} as a JSON string literal. */
  public static String quote(String s) {
    return appendString(new StringBuilder(s.length() + 2), s).toString();
  }
}
