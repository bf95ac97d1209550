package io.ztpd.dhcp.server;

import io.ztpd.core.model.Site;
import io.ztpd.core.util.Ipv4;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.dhcp.alloc.AllocationEngine;
import io.ztpd.dhcp.testing.InMemoryDirectory;
import io.ztpd.dhcp.testing.MemoryLeaseStore;
import io.ztpd.dhcp.testing.RecordingEvents;
import io.ztpd.dhcp.wire.DhcpPacket;
import io.ztpd.dhcp.wire.DhcpWriter;
import io.ztpd.dhcp.wire.MalformedPacketException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** A DhcpHandler without sockets: replies are captured, leases kept in memory. */
final class HandlerRig {
  record Sent(DhcpPacket packet, ReplyRoute route) {}

  static final ServerContext CTX = new ServerContext("192.0.2.1", 8080, 0, 69, 0, 0, 514);
  final InMemoryDirectory directory = new InMemoryDirectory();
  final RecordingEvents events = new RecordingEvents(true);
  final MemoryLeaseStore store = new MemoryLeaseStore();
  final Counters counters = new Counters();
  final RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(HandlerRig.class), 10_000);
  final AllocationEngine engine = new AllocationEngine();
  final List<Sent> sent = new CopyOnWriteArrayList<>();
  final DhcpServerConfig config =
      new DhcpServerConfig(
          "127.0.0.1", 0, 68, 67, "192.0.2.1", 3600, Path.of("unused"), List.of(), 30, 600);
  DhcpHandler handler;

  HandlerRig(List<VendorProfile> profiles, Site... sites) {
    for (Site s : sites) directory.site(s);
    handler =
        new DhcpHandler(
            config,
            directory,
            profiles,
            CTX,
            engine,
            store,
            new DhcpEvents(events),
            counters,
            log,
            (bytes, route, site) -> {
              try {
                sent.add(new Sent(DhcpPacket.decode(bytes), route));
              } catch (MalformedPacketException e) {
                throw new AssertionError("server sent a malformed reply", e);
              }
            },
            Ipv4.parse("192.0.2.1"));
  }

  /** Sends a client message; returns the reply, or null when none. */
  DhcpPacket exchange(DhcpWriter w) {
    int before = sent.size();
    byte[] b = w.toBytes();
    handler.handle(b, b.length, "test");
    return sent.size() > before ? sent.get(sent.size() - 1).packet() : null;
  }

  Sent last() {
    return sent.get(sent.size() - 1);
  }
}
