package io.ztpd.dhcp.server;

import io.ztpd.core.util.Ipv4;
import io.ztpd.dhcp.wire.DhcpPacket;
import io.ztpd.dhcp.wire.MessageType;

/**
 * Where a reply goes (RFC 2131 §4.1): to the relay when relayed; else NAKs are broadcast; else to
 * ciaddr when the client has one; else broadcast. A client without an address that did not set the
 * broadcast bit would want a unicast to yiaddr, which needs an ARP entry only a raw socket can
 * plant — RFC 2131 allows broadcasting instead, and every client accepts it.
 *
 * @param address destination (int IPv4)
 * @param port destination port
 * @param broadcast whether it is the limited broadcast (sent through an interface socket)
 */
record ReplyRoute(int address, int port, boolean broadcast) {
  static final int LIMITED_BROADCAST = 0xffffffff;

  static ReplyRoute of(DhcpPacket request, MessageType reply, DhcpServerConfig config) {
    if (request.giaddrInt() != 0) {
      return new ReplyRoute(request.giaddrInt(), config.relayReplyPort(), false);
    }
    if (reply != MessageType.NAK && request.ciaddr() != 0) {
      return new ReplyRoute(request.ciaddr(), config.clientPort(), false);
    }
    return new ReplyRoute(LIMITED_BROADCAST, config.clientPort(), true);
  }

  @Override
  public String toString() {
    return Ipv4.format(address) + ":" + port;
  }
}
