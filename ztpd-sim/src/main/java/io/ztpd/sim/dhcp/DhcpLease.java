package io.ztpd.sim.dhcp;

import io.ztpd.core.util.Ipv4;
import io.ztpd.dhcp.wire.DhcpPacket;
import io.ztpd.dhcp.wire.MalformedPacketException;
import io.ztpd.dhcp.wire.SubOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a device learned from its DHCPACK: its address and every option the server sent, read the
 * way a device reads them.
 *
 * @param ip the leased address (yiaddr)
 * @param serverId option 54
 * @param options option code to value, as received (option 82 already removed by the relay)
 * @param file the BOOTP file field (some servers put the boot file there)
 */
public record DhcpLease(String ip, String serverId, Map<Integer, byte[]> options, String file) {

  public DhcpLease {
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  static DhcpLease of(DhcpPacket ack) {
    Map<Integer, byte[]> o = new LinkedHashMap<>();
    for (int code = 1; code < 255; code++) {
      if (code != 53 && ack.has(code)) o.put(code, ack.optionBytes(code));
    }
    int sid = ack.intOption(54);
    return new DhcpLease(
        Ipv4.format(ack.yiaddr()), sid == 0 ? null : Ipv4.format(sid), o, ack.file());
  }

  public boolean has(int code) {
    return options.containsKey(code);
  }

  /** An option as text, trailing NULs removed; null when absent. */
  public String text(int code) {
    byte[] b = options.get(code);
    if (b == null) return null;
    int n = b.length;
    while (n > 0 && b[n - 1] == 0) n--;
    return new String(b, 0, n, StandardCharsets.ISO_8859_1);
  }

  /** An option of IPv4 addresses (3, 6, 42, 150 ...); empty when absent. */
  public List<String> addresses(int code) {
    byte[] b = options.get(code);
    List<String> out = new ArrayList<>();
    if (b == null) return out;
    for (int i = 0; i + 4 <= b.length; i += 4) out.add(Ipv4.format(Ipv4.read(b, i)));
    return out;
  }

  /** A 4-octet integer option (51 lease time ...), or -1. */
  public long integer(int code) {
    byte[] b = options.get(code);
    return b == null || b.length != 4 ? -1 : Ipv4.read(b, 0) & 0xffffffffL;
  }

  /**
   * Option 43 (or another encapsulated option) as sub-option code to text.
   *
   * @throws MalformedPacketException when the sub-options run past the option
   */
  public Map<Integer, String> subOptions(int code) throws MalformedPacketException {
    Map<Integer, String> out = new LinkedHashMap<>();
    byte[] b = options.get(code);
    if (b == null) return out;
    for (SubOption s : SubOption.parse(b)) {
      out.put(s.code(), new String(s.value(), StandardCharsets.ISO_8859_1));
    }
    return out;
  }

  /** Lease seconds (option 51), -1 when absent. */
  public long leaseSeconds() {
    return integer(51);
  }
}
