package io.ztpd.dhcp.server;

import static io.ztpd.dhcp.testing.TestPackets.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.model.Site;
import io.ztpd.core.util.Ipv4;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.dhcp.testing.InMemoryDirectory;
import io.ztpd.dhcp.testing.RecordingEvents;
import io.ztpd.dhcp.testing.RelayClient;
import io.ztpd.dhcp.wire.DhcpPacket;
import io.ztpd.vendors.VendorProfiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on 127.0.0.1 with an ephemeral port and a journal in a temp dir. */
class DhcpServerSocketTest {
  static final Site SITE =
      InMemoryDirectory.site("lab", "10.40.0.0/24", List.of("127.0.0.1"), "10.40.0.10-10.40.0.50");
  static final ServerContext CTX = new ServerContext("127.0.0.1", 8080, 0, 69, 0, 0, 0);
  @TempDir Path data;

  DhcpServer open(int relayPort) throws Exception {
    DhcpServerConfig config =
        new DhcpServerConfig(
            "127.0.0.1", 0, 68, relayPort, "127.0.0.1", 600, data, List.of(), 30, 600);
    DhcpServer s =
        DhcpServer.withJournal(
            config,
            new InMemoryDirectory().site(SITE),
            VendorProfiles.defaults(),
            CTX,
            new RecordingEvents(false));
    s.start();
    return s;
  }

  @Test
  void doraOverUdpAndLeasesSurviveARestart() throws Exception {
    int leased;
    try (RelayClient probe = new RelayClient(1)) {
      DhcpServer server = open(probe.port());
      try (RelayClient c = new RelayClient(server.localAddress().getPort())) {
        // c sends, the server answers the relay port: probe's
        c.send(request(1, 1, "00:00:5e:00:53:01", "127.0.0.1", 0).toBytes());
        DhcpPacket offer = probe.receive(3000);
        assertThat(offer.messageType()).isEqualTo(2);
        c.send(
            request(3, 2, "00:00:5e:00:53:01", "127.0.0.1", 0)
                .intOption(50, offer.yiaddr())
                .intOption(54, Ipv4.parse("127.0.0.1"))
                .toBytes());
        DhcpPacket ack = probe.receive(3000);
        assertThat(ack.messageType()).isEqualTo(5);
        leased = ack.yiaddr();
        assertThat(server.byIp(Ipv4.format(leased))).isPresent();
        // the counter moves just after the reply leaves: wait for it rather than race it
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(5))
            .until(() -> server.stats().replies("ACK") == 1);
      } finally {
        server.close();
      }
    }
    try (RelayClient probe = new RelayClient(1)) {
      DhcpServer server = open(probe.port());
      try (RelayClient c = new RelayClient(server.localAddress().getPort())) {
        assertThat(server.byIp(Ipv4.format(leased))).isPresent();
        c.send(request(1, 3, "00:00:5e:00:53:02", "127.0.0.1", 0).intOption(50, leased).toBytes());
        DhcpPacket other = probe.receive(3000);
        assertThat(other.yiaddr()).isNotEqualTo(leased); // restored: not handed to someone else
        c.send(request(1, 4, "00:00:5e:00:53:01", "127.0.0.1", 0).toBytes());
        assertThat(probe.receive(3000).yiaddr()).isEqualTo(leased); // its owner gets it back
      } finally {
        server.close();
      }
    }
  }
}
