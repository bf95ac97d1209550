package io.ztpd.dhcp.alloc;

import io.ztpd.core.util.Ipv4;
import java.util.List;

/**
 * The dynamic addresses of a site: its pool ranges ({@code first-last} or one address) flattened to
 * indexes 0..size-1, so a BitSet can track them.
 */
final class AddressRanges {
  private final long[] first; // unsigned addresses
  private final int[] size;
  private final int[] base;
  final int total;

  AddressRanges(List<String> ranges) {
    first = new long[ranges.size()];
    size = new int[ranges.size()];
    base = new int[ranges.size()];
    long sum = 0;
    for (int i = 0; i < ranges.size(); i++) {
      long[] r = parse(ranges.get(i));
      first[i] = r[0];
      size[i] = (int) (r[1] - r[0] + 1);
      base[i] = (int) sum;
      sum += size[i];
      if (sum > Integer.MAX_VALUE) throw new IllegalArgumentException("pools too large");
    }
    total = (int) sum;
  }

  /** Parses {@code a-b} or {@code a} into unsigned bounds. */
  static long[] parse(String range) {
    String[] parts = range.trim().split("\\s*-\\s*");
    if (parts.length > 2) throw new IllegalArgumentException("bad range '" + range + "'");
    long a = Ipv4.parse(parts[0]) & 0xffffffffL;
    long b = parts.length == 2 ? Ipv4.parse(parts[1]) & 0xffffffffL : a;
    if (b < a) throw new IllegalArgumentException("range '" + range + "' ends before it starts");
    return new long[] {a, b};
  }

  /** Index of an address, or -1 when outside every range. */
  int indexOf(int ip) {
    long u = ip & 0xffffffffL;
    for (int i = 0; i < first.length; i++) {
      if (u >= first[i] && u < first[i] + size[i]) return base[i] + (int) (u - first[i]);
    }
    return -1;
  }

  int addressAt(int index) {
    for (int i = first.length - 1; i >= 0; i--) {
      if (index >= base[i]) return (int) (first[i] + (index - base[i]));
    }
    throw new IndexOutOfBoundsException(index);
  }
}
