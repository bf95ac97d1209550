package io.ztpd.dhcp.testing;

import io.ztpd.core.util.Ipv4;
import io.ztpd.dhcp.wire.DhcpWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Client-side message builders for tests and the bench. */
public final class TestPackets {
  private TestPackets() {}

  public static byte[] chaddr(String mac) {
    byte[] b = new byte[16];
    System.arraycopy(HexFormat.of().parseHex(mac.replace(":", "")), 0, b, 0, 6);
    return b;
  }

  /** A relayed request of {@code type} (1 DISCOVER, 3 REQUEST ...). */
  public static DhcpWriter request(int type, int xid, String mac, String giaddr, int ciaddr) {
    return new DhcpWriter(1500)
        .header(1, 1, 6, xid, 0, ciaddr, 0, 0, giaddr == null ? 0 : Ipv4.parse(giaddr), chaddr(mac))
        .hops(giaddr == null ? 0 : 1)
        .option(53, type);
  }

  public static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
