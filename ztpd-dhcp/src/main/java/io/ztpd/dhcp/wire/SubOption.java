package io.ztpd.dhcp.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One encapsulated sub-option (code, 1-octet length, value), as carried in options 43, 82 and the
 * enterprise data of 125.
 */
public record SubOption(int code, byte[] value) {
  public SubOption {
    if (code < 0 || code > 255) throw new IllegalArgumentException("sub-option code " + code);
    if (value.length > 255) throw new IllegalArgumentException("sub-option " + code + " too long");
  }

  /** Parses a sub-option area; a length running past the end is an error. Pads (0) are skipped. */
  public static List<SubOption> parse(byte[] data) throws MalformedPacketException {
    List<SubOption> out = new ArrayList<>();
    int i = 0;
    while (i < data.length) {
      int code = data[i] & 0xff;
      if (code == 0) {
        i++;
        continue;
      }
      if (code == 255) break;
      if (i + 1 >= data.length || i + 2 + (data[i + 1] & 0xff) > data.length) {
        throw new MalformedPacketException(
            MalformedPacketException.Reason.BAD_OPTION_VALUE,
            "sub-option " + code + " runs past its option at offset " + i);
      }
      int len = data[i + 1] & 0xff;
      byte[] v = new byte[len];
      System.arraycopy(data, i + 2, v, 0, len);
      out.add(new SubOption(code, v));
      i += 2 + len;
    }
    return out;
  }

  /** The value of the first sub-option {@code code}, or null (also null when the area is bad). */
  public static byte[] find(byte[] data, int code) {
    int i = 0;
    while (i + 1 < data.length) {
      int c = data[i] & 0xff;
      if (c == 0) {
        i++;
        continue;
      }
      if (c == 255) return null;
      int len = data[i + 1] & 0xff;
      if (i + 2 + len > data.length) return null;
      if (c == code) {
        byte[] v = new byte[len];
        System.arraycopy(data, i + 2, v, 0, len);
        return v;
      }
      i += 2 + len;
    }
    return null;
  }

  public static byte[] encode(List<SubOption> subs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (SubOption s : subs) {
      out.write(s.code);
      out.write(s.value.length);
      out.writeBytes(s.value);
    }
    return out.toByteArray();
  }
}
