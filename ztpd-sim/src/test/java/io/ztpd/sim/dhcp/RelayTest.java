package io.ztpd.sim.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.dhcp.wire.DhcpPacket;
import io.ztpd.dhcp.wire.DhcpWriter;
import io.ztpd.sim.net.PacketLoss;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The relay against a stand-in server socket: giaddr and option 82 out, option 82 stripped back.
 */
class RelayTest {
  @Test
  void relaysWithGiaddrAndOption82AndDeliversRepliesByXid() throws Exception {
    try (DatagramSocket server = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        Relay relay =
            new Relay(
                new InetSocketAddress(InetAddress.getByName("127.21.0.1"), 0),
                (InetSocketAddress) server.getLocalSocketAddress(),
                "relay-1")) {
      server.setSoTimeout(5_000);
      byte[] mac = {0, 0, 0x5e, 0, 0x53, 1};
      try (Relay.Exchange x = relay.open(0x1234, "Gi1/0/7", PacketLoss.NONE)) {
        x.send(
            new DhcpWriter(576)
                .header(1, 1, 6, 0x1234, 0x8000, 0, 0, 0, 0, mac)
                .option(53, 1)
                .option(60, "v".getBytes())
                .toBytes());
        DatagramPacket got = new DatagramPacket(new byte[2048], 2048);
        server.receive(got);
        DhcpPacket p = DhcpPacket.decode(got.getData(), 0, got.getLength());
        assertThat(p.giaddr()).isEqualTo("127.21.0.1");
        assertThat(p.hops()).isEqualTo(1);
        assertThat(new String(p.relaySubOption(1).orElseThrow(), StandardCharsets.US_ASCII))
            .isEqualTo("Gi1/0/7");
        assertThat(new String(p.relaySubOption(2).orElseThrow(), StandardCharsets.US_ASCII))
            .isEqualTo("relay-1");
        assertThat(p.optionBytes(60)).isEqualTo("v".getBytes());

        // the server answers the relay, echoing option 82
        byte[] reply =
            new DhcpWriter(576)
                .header(2, 1, 6, 0x1234, 0, 0, 0x7f140105, 0, p.giaddrInt(), mac)
                .option(53, 2)
                .option(82, p.optionBytes(82))
                .toBytes();
        server.send(new DatagramPacket(reply, reply.length, relay.localAddress()));
        DhcpPacket offer = x.receive(5_000);
        assertThat(offer).isNotNull();
        assertThat(offer.messageType()).isEqualTo(2);
        assertThat(offer.has(82)).as("the relay keeps option 82 to itself").isFalse();
      }
      assertThat(relay.open(0x1234, "x", PacketLoss.NONE))
          .as("closed exchanges free their xid")
          .isNotNull();
      assertThat(relay.open(0x1234, "y", PacketLoss.NONE)).as("an xid in use is refused").isNull();
    }
  }
}
