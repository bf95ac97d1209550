package io.ztpd.vendors;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds encapsulated sub-options (1-octet code, 1-octet length, value) for option 43. */
public final class Tlv {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public Tlv add(int code, String value) {
    if (value == null) return this;
    byte[] b = value.getBytes(StandardCharsets.US_ASCII);
    if (b.length > 255)
      throw new IllegalArgumentException("sub-option " + code + " over 255 octets");
    out.write(code);
    out.write(b.length);
    out.writeBytes(b);
    return this;
  }

  public boolean isEmpty() {
    return out.size() == 0;
  }

  public byte[] bytes() {
    return out.toByteArray();
  }

  /** RFC 8572 §8.3 list of URIs: each a 2-octet length then the URI. */
  public static byte[] uriList(Iterable<String> uris) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (String u : uris) {
      byte[] b = u.getBytes(StandardCharsets.US_ASCII);
      o.write(b.length >>> 8);
      o.write(b.length);
      o.writeBytes(b);
    }
    return o.toByteArray();
  }
}
