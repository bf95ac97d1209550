package io.ztpd.dhcp.wire;

import static io.ztpd.dhcp.wire.MalformedPacketException.Reason.*;

import io.ztpd.core.model.Mac;
import io.ztpd.core.util.Ipv4;
import io.ztpd.core.vendor.DhcpRequestView;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A decoded DHCPv4 message (RFC 2131 / 2132). The datagram bytes are kept as they came; options are
 * indexed as (offset, length) segments into them, so decoding allocates a handful of small arrays
 * and no per-option objects. An option split into several instances (RFC 3396) — possibly across
 * the {@code file} and {@code sname} fields under option 52 — is joined only when asked for.
 */
public final class DhcpPacket implements DhcpRequestView {
  public static final int HEADER = 236;
  public static final int MAGIC_COOKIE = 0x63825363;

  /** Far above any real DHCP message; larger datagrams are junk and are rejected unread. */
  public static final int MAX_SIZE = 16 * 1024;

  private static final int SNAME = 44;
  private static final int FILE = 108;
  private static final int OPTIONS = 240;

  private final byte[] raw;
  private final int length;
  // option index: head[code] = 1 + first segment, segments chained through segNext (-1 = end)
  private final short[] head = new short[256];
  private final short[] tail = new short[256];
  private int[] segOff = new int[24];
  private int[] segLen = new int[24];
  private short[] segNext = new short[24];
  private int segCount;
  private int overload;

  private DhcpPacket(byte[] raw, int length) {
    this.raw = raw;
    this.length = length;
  }

  /** Decodes {@code length} bytes of {@code data} (copied). */
  public static DhcpPacket decode(byte[] data, int offset, int length)
      throws MalformedPacketException {
    if (length > MAX_SIZE) throw new MalformedPacketException(OVERSIZED, length + " bytes");
    if (length < OPTIONS) {
      throw new MalformedPacketException(TRUNCATED_HEADER, length + " bytes, need 240");
    }
    DhcpPacket p = new DhcpPacket(Arrays.copyOfRange(data, offset, offset + length), length);
    p.index();
    return p;
  }

  public static DhcpPacket decode(byte[] data) throws MalformedPacketException {
    return decode(data, 0, data.length);
  }

  private void index() throws MalformedPacketException {
    if ((raw[2] & 0xff) > 16) {
      throw new MalformedPacketException(BAD_HARDWARE_LENGTH, "hlen " + (raw[2] & 0xff));
    }
    if (Ipv4.read(raw, HEADER) != MAGIC_COOKIE) {
      throw new MalformedPacketException(
          BAD_MAGIC_COOKIE, String.format("0x%08x", Ipv4.read(raw, HEADER)));
    }
    scan(OPTIONS, length, true);
    short s = head[DhcpOption.OVERLOAD];
    if (s != 0) {
      if (segLen[s - 1] != 1 || segNext[s - 1] != -1) {
        throw new MalformedPacketException(BAD_OVERLOAD, "option 52 must be one octet, once");
      }
      overload = raw[segOff[s - 1]] & 0xff;
      if (overload < 1 || overload > 3) {
        throw new MalformedPacketException(BAD_OVERLOAD, "option 52 value " + overload);
      }
      // RFC 3396 §5: options, then file, then sname, when concatenating split options
      if ((overload & 1) != 0) scan(FILE, SNAME + 64 + 128, false);
      if ((overload & 2) != 0) scan(SNAME, FILE, false);
    }
  }

  private void scan(int from, int to, boolean main) throws MalformedPacketException {
    int i = from;
    while (i < to) {
      int code = raw[i] & 0xff;
      if (code == DhcpOption.PAD) {
        i++;
        continue;
      }
      if (code == DhcpOption.END) return;
      if (i + 1 >= to) throw new MalformedPacketException(OPTION_OVERRUN, "option " + code);
      int len = raw[i + 1] & 0xff;
      if (i + 2 + len > to) {
        throw new MalformedPacketException(
            OPTION_OVERRUN, "option " + code + " length " + len + " at offset " + i);
      }
      if (code == DhcpOption.OVERLOAD && !main) {
        throw new MalformedPacketException(OVERLOAD_LOOP, "option 52 inside an overloaded field");
      }
      addSegment(code, i + 2, len);
      i += 2 + len;
    }
  }

  private void addSegment(int code, int off, int len) {
    if (segCount == segOff.length) {
      int n = segCount * 2;
      segOff = Arrays.copyOf(segOff, n);
      segLen = Arrays.copyOf(segLen, n);
      segNext = Arrays.copyOf(segNext, n);
    }
    int s = segCount++;
    segOff[s] = off;
    segLen[s] = len;
    segNext[s] = -1;
    if (head[code] == 0) {
      head[code] = (short) (s + 1);
    } else {
      segNext[tail[code] - 1] = (short) s;
    }
    tail[code] = (short) (s + 1);
  }

  // ---- fixed fields

  public int op() {
    return raw[0] & 0xff;
  }

  public int htype() {
    return raw[1] & 0xff;
  }

  public int hlen() {
    return raw[2] & 0xff;
  }

  public int hops() {
    return raw[3] & 0xff;
  }

  public int xid() {
    return Ipv4.read(raw, 4);
  }

  public int secs() {
    return ((raw[8] & 0xff) << 8) | (raw[9] & 0xff);
  }

  public int flags() {
    return ((raw[10] & 0xff) << 8) | (raw[11] & 0xff);
  }

  public boolean broadcastFlag() {
    return (raw[10] & 0x80) != 0;
  }

  public int ciaddr() {
    return Ipv4.read(raw, 12);
  }

  public int yiaddr() {
    return Ipv4.read(raw, 16);
  }

  public int siaddr() {
    return Ipv4.read(raw, 20);
  }

  public int giaddrInt() {
    return Ipv4.read(raw, 24);
  }

  /** The 16-octet chaddr field. */
  public byte[] chaddr() {
    return Arrays.copyOfRange(raw, 28, 44);
  }

  /** Option 52 value (0 when the sname / file fields are not overloaded). */
  public int overload() {
    return overload;
  }

  /** The sname field as text up to the first NUL, or "" when it carries options. */
  public String sname() {
    return (overload & 2) != 0 ? "" : cString(SNAME, 64);
  }

  /** The file field as text up to the first NUL, or "" when it carries options. */
  public String file() {
    return (overload & 1) != 0 ? "" : cString(FILE, 128);
  }

  private String cString(int off, int max) {
    int end = off;
    while (end < off + max && raw[end] != 0) end++;
    return new String(raw, off, end - off, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** The datagram as received (a copy). */
  public byte[] raw() {
    return Arrays.copyOf(raw, length);
  }

  public int length() {
    return length;
  }

  // ---- options

  public boolean has(int code) {
    return head[code & 0xff] != 0;
  }

  /** Joined length of an option (RFC 3396), -1 when absent. */
  public int optionLength(int code) {
    int s = head[code & 0xff] - 1;
    if (s < 0) return -1;
    int n = 0;
    for (; s >= 0; s = segNext[s]) n += segLen[s];
    return n;
  }

  /** Joined value of an option, or null when absent. */
  public byte[] optionBytes(int code) {
    int n = optionLength(code);
    if (n < 0) return null;
    byte[] out = new byte[n];
    int p = 0;
    for (int s = head[code & 0xff] - 1; s >= 0; s = segNext[s]) {
      System.arraycopy(raw, segOff[s], out, p, segLen[s]);
      p += segLen[s];
    }
    return out;
  }

  /** The single octet of a one-octet option, or -1 when absent or not one octet long. */
  public int byteOption(int code) {
    int s = head[code & 0xff] - 1;
    if (s < 0 || segLen[s] != 1 || segNext[s] != -1) return -1;
    return raw[segOff[s]] & 0xff;
  }

  /** A 4-octet option as an address / integer, or 0 when absent or of another length. */
  public int intOption(int code) {
    int s = head[code & 0xff] - 1;
    if (s < 0 || segLen[s] != 4 || segNext[s] != -1) return 0;
    return Ipv4.read(raw, segOff[s]);
  }

  /** Sub-options of an encapsulating option (43, 82). */
  public List<SubOption> subOptions(int code) throws MalformedPacketException {
    byte[] v = optionBytes(code);
    return v == null ? List.of() : SubOption.parse(v);
  }

  /** Enterprise blocks of option 124 or 125. */
  public List<VendorData> vendorData(int code) throws MalformedPacketException {
    byte[] v = optionBytes(code);
    return v == null ? List.of() : VendorData.parse(v);
  }

  /** Option codes in option 55, in the client's order (empty when absent). */
  public byte[] parameterRequestList() {
    byte[] v = optionBytes(DhcpOption.PARAMETER_REQUEST_LIST);
    return v == null ? new byte[0] : v;
  }

  // ---- DhcpRequestView

  @Override
  public String mac() {
    return Mac.format(Arrays.copyOfRange(raw, 28, 34));
  }

  @Override
  public String giaddr() {
    int g = giaddrInt();
    return g == 0 ? null : Ipv4.format(g);
  }

  @Override
  public int messageType() {
    return Math.max(0, byteOption(DhcpOption.MESSAGE_TYPE));
  }

  @Override
  public Optional<byte[]> option(int code) {
    return Optional.ofNullable(optionBytes(code));
  }

  @Override
  public Optional<byte[]> relaySubOption(int code) {
    byte[] v = optionBytes(DhcpOption.RELAY_AGENT_INFO);
    return v == null ? Optional.empty() : Optional.ofNullable(SubOption.find(v, code));
  }

  @Override
  public boolean requested(int code) {
    for (int s = head[DhcpOption.PARAMETER_REQUEST_LIST] - 1; s >= 0; s = segNext[s]) {
      for (int i = segOff[s]; i < segOff[s] + segLen[s]; i++) {
        if ((raw[i] & 0xff) == code) return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    MessageType t = MessageType.of(messageType());
    return (t == null ? "type " + messageType() : t.name())
        + " xid="
        + Integer.toHexString(xid())
        + " mac="
        + mac()
        + (giaddrInt() == 0 ? "" : " giaddr=" + giaddr());
  }
}
