package io.ztpd.vendors;

import java.nio.charset.StandardCharsets;

/** URL pieces for the links vendor flows hand to devices. */
public final class Urls {
  private Urls() {}

  /** Percent-encodes one path segment (RFC 3986 unreserved characters stay as they are). */
  public static String segment(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        b.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }

  /** Encodes each segment of a slash-separated path. */
  public static String path(String p) {
    String[] segments = p.split("/", -1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) b.append('/');
      b.append(segment(segments[i]));
    }
    return b.toString();
  }
}
