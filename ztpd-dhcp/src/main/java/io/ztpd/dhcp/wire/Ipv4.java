package io.ztpd.dhcp.wire;

/**
 * IPv4 addresses as {@code int} (network order, compared unsigned): no InetAddress on hot paths.
 */
public final class Ipv4 {
  private Ipv4() {}

  public static String text(int a) {
    return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
  }

  /** Parses a dotted quad; never does DNS. */
  public static int parse(String s) {
    int value = 0;
    int part = 0;
    int digits = 0;
    int dots = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (digits == 0 || ++dots > 3) throw bad(s);
        value = (value << 8) | part;
        part = 0;
        digits = 0;
      } else if (c >= '0' && c <= '9' && digits < 3) {
        part = part * 10 + (c - '0');
        digits++;
        if (part > 255) throw bad(s);
      } else {
        throw bad(s);
      }
    }
    if (dots != 3 || digits == 0) throw bad(s);
    return (value << 8) | part;
  }

  public static boolean isAddress(String s) {
    try {
      parse(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public static int read(byte[] b, int off) {
    return ((b[off] & 0xff) << 24)
        | ((b[off + 1] & 0xff) << 16)
        | ((b[off + 2] & 0xff) << 8)
        | (b[off + 3] & 0xff);
  }

  public static void write(byte[] b, int off, int a) {
    b[off] = (byte) (a >>> 24);
    b[off + 1] = (byte) (a >>> 16);
    b[off + 2] = (byte) (a >>> 8);
    b[off + 3] = (byte) a;
  }

  public static byte[] bytes(int a) {
    byte[] b = new byte[4];
    write(b, 0, a);
    return b;
  }

  /** Netmask for a prefix length, e.g. 24 → 255.255.255.0. */
  public static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }

  private static IllegalArgumentException bad(String s) {
    return new IllegalArgumentException("not an IPv4 address: '" + s + "'");
  }
}
