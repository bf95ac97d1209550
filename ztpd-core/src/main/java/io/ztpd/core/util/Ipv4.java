package io.ztpd.core.util;

/** IPv4 literals and CIDR blocks as ints: no DNS, no InetAddress allocation on hot paths. */
public final class Ipv4 {
  private Ipv4() {}

  /** Parses a dotted quad. */
  public static int parse(String text) {
    String[] parts = text.trim().split("\\.", -1);
    if (parts.length != 4)
      throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
    int v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
      }
      int o = Integer.parseInt(p);
      if (o > 255) throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
      v = (v << 8) | o;
    }
    return v;
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
