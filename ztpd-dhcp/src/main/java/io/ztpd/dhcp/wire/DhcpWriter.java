package io.ztpd.dhcp.wire;

import io.ztpd.core.util.Ipv4;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes one DHCPv4 message. Options longer than 255 octets are split into consecutive instances
 * (RFC 3396); when the options do not fit in {@code maxSize} (the client's option 57, at least 576)
 * the {@code file} and then {@code sname} fields carry the rest under option 52.
 */
public final class DhcpWriter {
  private static final int MIN_BOOTP = 300; // some clients drop shorter replies (RFC 1542 §2.1)
  private final int maxSize;
  private final byte[] header = new byte[240];
  private byte[] chunks = new byte[512]; // encoded option instances, back to back
  private int chunkBytes;
  private int[] chunkEnds = new int[32];
  private int chunkCount;
  private boolean snameUsed;
  private boolean fileUsed;

  public DhcpWriter(int maxSize) {
    this.maxSize = Math.max(576, maxSize);
    Ipv4.write(header, DhcpPacket.HEADER, DhcpPacket.MAGIC_COOKIE);
  }

  public DhcpWriter header(
      int op,
      int htype,
      int hlen,
      int xid,
      int flags,
      int ciaddr,
      int yiaddr,
      int siaddr,
      int giaddr,
      byte[] chaddr) {
    header[0] = (byte) op;
    header[1] = (byte) htype;
    header[2] = (byte) hlen;
    Ipv4.write(header, 4, xid);
    header[10] = (byte) (flags >>> 8);
    header[11] = (byte) flags;
    Ipv4.write(header, 12, ciaddr);
    Ipv4.write(header, 16, yiaddr);
    Ipv4.write(header, 20, siaddr);
    Ipv4.write(header, 24, giaddr);
    System.arraycopy(chaddr, 0, header, 28, Math.min(16, chaddr.length));
    return this;
  }

  public DhcpWriter hops(int hops) {
    header[3] = (byte) hops;
    return this;
  }

  public DhcpWriter sname(String s) {
    snameUsed = putText(44, 64, s);
    return this;
  }

  public DhcpWriter file(String s) {
    fileUsed = putText(108, 128, s);
    return this;
  }

  private boolean putText(int off, int max, String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length >= max) throw new IllegalArgumentException("field longer than " + (max - 1));
    System.arraycopy(b, 0, header, off, b.length);
    return b.length > 0;
  }

  /** Adds an option; values over 255 octets become several instances (RFC 3396). */
  public DhcpWriter option(int code, byte[] value) {
    if (code <= 0 || code >= 255) throw new IllegalArgumentException("option code " + code);
    int p = 0;
    do {
      int n = Math.min(255, value.length - p);
      ensure(2 + n);
      chunks[chunkBytes++] = (byte) code;
      chunks[chunkBytes++] = (byte) n;
      System.arraycopy(value, p, chunks, chunkBytes, n);
      chunkBytes += n;
      if (chunkCount == chunkEnds.length) chunkEnds = Arrays.copyOf(chunkEnds, chunkCount * 2);
      chunkEnds[chunkCount++] = chunkBytes;
      p += n;
    } while (p < value.length);
    return this;
  }

  public DhcpWriter option(int code, int oneOctet) {
    return option(code, new byte[] {(byte) oneOctet});
  }

  public DhcpWriter intOption(int code, int value) {
    return option(code, Ipv4.bytes(value));
  }

  private void ensure(int extra) {
    if (chunkBytes + extra > chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(chunks.length * 2, chunkBytes + extra));
    }
  }

  /**
   * The encoded message.
   *
   * @throws IllegalStateException when the options do not fit even with overload
   */
  public byte[] toBytes() {
    if (240 + chunkBytes + 1 <= maxSize) {
      int size = Math.max(MIN_BOOTP, 240 + chunkBytes + 1);
      byte[] out = Arrays.copyOf(header, size);
      System.arraycopy(chunks, 0, out, 240, chunkBytes);
      out[240 + chunkBytes] = (byte) DhcpOption.END;
      return out;
    }
    return overloaded();
  }

  private byte[] overloaded() {
    int overload = 0;
    byte[] out = Arrays.copyOf(header, maxSize);
    int mainEnd = 240;
    out[mainEnd++] = (byte) DhcpOption.OVERLOAD;
    out[mainEnd++] = 1;
    int overloadValueAt = mainEnd++;
    int c = 0;
    int start = 0;
    // main area: leave one octet for END
    while (c < chunkCount && mainEnd + (chunkEnds[c] - start) + 1 <= maxSize) {
      mainEnd = copyChunk(out, mainEnd, start, chunkEnds[c]);
      start = chunkEnds[c++];
    }
    out[mainEnd++] = (byte) DhcpOption.END;
    if (c < chunkCount && !fileUsed) {
      Arrays.fill(out, 108, 236, (byte) 0);
      int p = 108;
      while (c < chunkCount && p + (chunkEnds[c] - start) + 1 <= 236) {
        p = copyChunk(out, p, start, chunkEnds[c]);
        start = chunkEnds[c++];
      }
      out[p] = (byte) DhcpOption.END;
      overload |= 1;
    }
    if (c < chunkCount && !snameUsed) {
      Arrays.fill(out, 44, 108, (byte) 0);
      int p = 44;
      while (c < chunkCount && p + (chunkEnds[c] - start) + 1 <= 108) {
        p = copyChunk(out, p, start, chunkEnds[c]);
        start = chunkEnds[c++];
      }
      out[p] = (byte) DhcpOption.END;
      overload |= 2;
    }
    if (c < chunkCount) {
      throw new IllegalStateException(
          "options of " + chunkBytes + " octets do not fit a " + maxSize + "-octet message");
    }
    out[overloadValueAt] = (byte) overload;
    return Arrays.copyOf(out, Math.max(MIN_BOOTP, mainEnd));
  }

  private int copyChunk(byte[] out, int at, int from, int to) {
    System.arraycopy(chunks, from, out, at, to - from);
    return at + to - from;
  }
}
