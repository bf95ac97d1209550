package io.ztpd.dhcp.bench;

import io.ztpd.core.model.Site;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.dhcp.server.DhcpServer;
import io.ztpd.dhcp.server.DhcpServerConfig;
import io.ztpd.dhcp.testing.InMemoryDirectory;
import io.ztpd.dhcp.testing.RecordingEvents;
import io.ztpd.vendors.VendorProfiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DHCP server alone, for bench/dhcp.sh and the crash test, until {@code ztpd serve} wires it:
 * one site, one pool, unknown devices held, events counted and dropped. Durable journal leases.
 *
 * <p>{@code --bind 127.0.0.1 --port 10067 --relay-reply-port 10068 --data DIR --subnet 10.0.0.0/8
 * --pool 10.0.0.10-10.255.255.250 --relays 127.0.0.2 --server-id 127.0.0.1 [--interfaces veth0]
 * [--client-port 68]}
 *
 * <p>Prints {@code READY <port>} once listening, and the stats every {@code --stats-seconds}.
 */
public final class StandaloneDhcpMain {
  private StandaloneDhcpMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2)
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    String serverId = a.getOrDefault("server-id", "127.0.0.1");
    Site site =
        new Site(
            "bench",
            a.getOrDefault("subnet", "10.0.0.0/8"),
            List.of(a.getOrDefault("relays", "127.0.0.2").split(",")),
            List.of(a.getOrDefault("pool", "10.0.0.10-10.255.255.250")),
            List.of(),
            a.get("router"),
            List.of(),
            null,
            List.of(),
            List.of(),
            Integer.parseInt(a.getOrDefault("lease", "3600")),
            null);
    InMemoryDirectory directory = new InMemoryDirectory().site(site);
    RecordingEvents events = new RecordingEvents(false);
    DhcpServerConfig config =
        new DhcpServerConfig(
            a.getOrDefault("bind", "127.0.0.1"),
            Integer.parseInt(a.getOrDefault("port", "10067")),
            Integer.parseInt(a.getOrDefault("client-port", "68")),
            Integer.parseInt(a.getOrDefault("relay-reply-port", "10068")),
            serverId,
            3600,
            Path.of(a.getOrDefault("data", "data/dhcp")),
            a.containsKey("interfaces") ? List.of(a.get("interfaces").split(",")) : List.of(),
            30,
            86_400);
    ServerContext ctx = new ServerContext(serverId, 8080, 0, 69, 0, 0, 0);
    DhcpServer server =
        DhcpServer.withJournal(config, directory, VendorProfiles.defaults(), ctx, events);
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    System.out.println("READY " + server.localAddress().getPort());
    System.out.flush();
    long every = Long.parseLong(a.getOrDefault("stats-seconds", "0"));
    while (true) {
      Thread.sleep(every > 0 ? every * 1000 : 60_000);
      if (every > 0) System.out.println(server.stats() + " events=" + events.count());
    }
  }
}
