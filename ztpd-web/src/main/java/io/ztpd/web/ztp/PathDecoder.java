package io.ztpd.web.ztp;

import io.ztpd.web.api.ApiException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decodes a request path exactly once ({@code +} stays a plus). The resolver and the file
 * root then see the path the device meant, so {@code %2e%2e} is refused like {@code ..}.
 */
final class PathDecoder {
  private PathDecoder() {}

  static String decode(String raw) {
    if (raw.indexOf('%') < 0) return raw;
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char ch = raw.charAt(i);
      if (ch == '%') {
        if (i + 2 >= raw.length())
          throw ApiException.badRequest("bad percent-encoding in path", "path");
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) throw ApiException.badRequest("bad percent-encoding in path", "path");
        out.write((hi << 4) | lo);
        i += 2;
      } else {
        byte[] b = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    String s = out.toString(StandardCharsets.UTF_8);
    if (s.indexOf('\0') >= 0) throw ApiException.badRequest("NUL in path", "path");
    return s;
  }
}
