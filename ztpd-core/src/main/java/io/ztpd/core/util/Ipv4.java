package io.ztpd.core.util;

/** IPv4 literals and CIDR blocks as ints: no DNS, no InetAddress allocation on hot paths. */
public final class Ipv4 {
  private Ipv4() {}

  /** Parses a dotted quad without allocating; never does DNS. */
  public static int parse(String text) {
    int value = 0;
    int part = 0;
    int digits = 0;
    int dots = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        if (digits == 0 || ++dots > 3) throw bad(text);
        value = (value << 8) | part;
        part = 0;
        digits = 0;
      } else if (c >= '0' && c <= '9' && digits < 3) {
        part = part * 10 + (c - '0');
        digits++;
        if (part > 255) throw bad(text);
      } else {
        throw bad(text);
      }
    }
    if (dots != 3 || digits == 0) throw bad(text);
    return (value << 8) | part;
  }

  private static IllegalArgumentException bad(String text) {
    return new IllegalArgumentException("not an IPv4 address: '" + text + "'");
  }

  /** Reads four octets in network order. */
  public static int read(byte[] b, int off) {
    return ((b[off] & 0xff) << 24)
        | ((b[off + 1] & 0xff) << 16)
        | ((b[off + 2] & 0xff) << 8)
        | (b[off + 3] & 0xff);
  }

  /** Writes four octets in network order. */
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
    return Cidr.mask(prefix);
  }

  public static boolean isAddress(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public static String format(int v) {
    return ((v >>> 24) & 255)
        + "."
        + ((v >>> 16) & 255)
        + "."
        + ((v >>> 8) & 255)
        + "."
        + (v & 255);
  }

  /** A CIDR block such as {@code 192.0.2.0/24}. */
  public record Cidr(int network, int prefix) {
    public static Cidr parse(String text) {
      int slash = text.indexOf('/');
      if (slash < 0) throw new IllegalArgumentException("not a CIDR block: '" + text + "'");
      int prefix;
      try {
        prefix = Integer.parseInt(text.substring(slash + 1).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a CIDR block: '" + text + "'");
      }
      if (prefix < 0 || prefix > 32) {
        throw new IllegalArgumentException("CIDR prefix out of range: '" + text + "'");
      }
      int mask = mask(prefix);
      return new Cidr(Ipv4.parse(text.substring(0, slash)) & mask, prefix);
    }

    public static int mask(int prefix) {
      return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    public boolean contains(int address) {
      return (address & mask(prefix)) == network;
    }

    public boolean contains(String address) {
      return contains(Ipv4.parse(address));
    }

    public String netmask() {
      return format(mask(prefix));
    }

    @Override
    public String toString() {
      return format(network) + "/" + prefix;
    }
  }
}
