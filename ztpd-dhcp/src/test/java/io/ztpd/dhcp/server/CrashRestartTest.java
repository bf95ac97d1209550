package io.ztpd.dhcp.server;

import static io.ztpd.dhcp.testing.TestPackets.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.util.Ipv4;
import io.ztpd.dhcp.testing.RelayClient;
import io.ztpd.dhcp.wire.DhcpPacket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a server process in the middle of a load, then a restart on the same journal: no
 * address acknowledged before the crash is ever acknowledged to another client after it.
 */
class CrashRestartTest {
  @TempDir Path data;

  @Test
  void killMinus9MidLoadNeverHandsOneAddressToTwoClients() throws Exception {
    Map<Integer, String> ackedTo = new ConcurrentHashMap<>();
    List<String> conflicts = new ArrayList<>();
    try (RelayClient relay = new RelayClient(1)) {
      int acksBefore = runLoad(relay, 0, 200, ackedTo, conflicts, true);
      assertThat(acksBefore).as("ACKs before the kill").isGreaterThan(20);
      int acksAfter = runLoad(relay, 1000, 150, ackedTo, conflicts, false);
      assertThat(acksAfter).as("ACKs after the restart").isGreaterThan(50);
    }
    assertThat(conflicts).isEmpty();
  }

  /** Starts a server process, drives DORAs for {@code count} new MACs, kills -9 it when asked. */
  private int runLoad(
      RelayClient relay,
      int firstMac,
      int count,
      Map<Integer, String> ackedTo,
      List<String> conflicts,
      boolean kill)
      throws Exception {
    Process p = startServer(relay.port());
    int port;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
      String line = out.readLine();
      while (line != null && !line.startsWith("READY ")) line = out.readLine(); // skip log lines
      assertThat(line).as("server start").startsWith("READY ");
      port = Integer.parseInt(line.substring(6).trim());
      int acks = 0;
      AtomicBoolean killed = new AtomicBoolean();
      try (RelayClient sender = new RelayClient(port)) {
        for (int i = 0; i < count; i++) {
          String mac =
              String.format("02:00:00:00:%02x:%02x", (firstMac + i) >> 8, (firstMac + i) & 0xff);
          sender.send(request(1, i, mac, "127.0.0.1", 0).toBytes());
          DhcpPacket offer = relay.receive(killed.get() ? 100 : 2000);
          if (offer == null || offer.messageType() != 2) continue;
          sender.send(
              request(3, i, mac, "127.0.0.1", 0)
                  .intOption(50, offer.yiaddr())
                  .intOption(54, Ipv4.parse("127.0.0.1"))
                  .toBytes());
          if (kill && i == count / 2) {
            p.destroyForcibly(); // SIGKILL, with this REQUEST possibly in flight
            p.waitFor(10, TimeUnit.SECONDS);
            killed.set(true);
          }
          DhcpPacket ack = relay.receive(killed.get() ? 200 : 2000);
          if (ack == null || ack.messageType() != 5) {
            if (killed.get()) break; // the server is gone: this phase is over
            continue;
          }
          acks++;
          String previous = ackedTo.putIfAbsent(ack.yiaddr(), mac);
          if (previous != null && !previous.equals(mac)) {
            conflicts.add(Ipv4.format(ack.yiaddr()) + " acked to " + previous + " and " + mac);
          }
          if (killed.get()) break;
        }
      }
      return acks;
    } finally {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Process startServer(int relayPort) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "-Xmx128m",
            "io.ztpd.dhcp.bench.StandaloneDhcpMain",
            "--port",
            "0",
            "--relay-reply-port",
            Integer.toString(relayPort),
            "--data",
            data.toString(),
            "--subnet",
            "10.60.0.0/16",
            "--pool",
            "10.60.0.10-10.60.255.250",
            "--relays",
            "127.0.0.1",
            "--server-id",
            "127.0.0.1")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
