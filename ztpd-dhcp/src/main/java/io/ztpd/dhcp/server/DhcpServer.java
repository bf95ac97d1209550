package io.ztpd.dhcp.server;

import io.ztpd.core.event.EventRecorder;
import io.ztpd.core.inventory.DeviceDirectory;
import io.ztpd.core.lease.Lease;
import io.ztpd.core.lease.LeaseLookup;
import io.ztpd.core.model.Site;
import io.ztpd.core.util.Ipv4;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.dhcp.alloc.AllocationEngine;
import io.ztpd.dhcp.lease.JournalLeaseStore;
import io.ztpd.dhcp.lease.LeaseStore;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ztpd's DHCPv4 server: {@code new DhcpServer(...)}, {@link #start()}, {@link #close()}.
 *
 * <p>Sockets: a main UDP socket on {@code bindAddress:port} (0.0.0.0:67 in production — a client's
 * broadcast only reaches a wildcard socket), plus one socket per configured interface on {@code
 * interfaceAddress:port}. Broadcast replies to clients that have no address yet leave through the
 * interface socket with SO_BROADCAST to 255.255.255.255: Linux routes the limited broadcast out of
 * the interface owning the socket's source address, so no raw socket is needed. (That socket also
 * receives the unicast renewals sent to the interface address.) Without a configured interface,
 * broadcasts leave through the main socket.
 *
 * <p>Threads: one platform thread per socket decodes, allocates and sends OFFERs and NAKs; ACKs
 * leave from the lease journal's thread once their lease is durable.
 */
public final class DhcpServer implements LeaseLookup, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DhcpServer.class);

  private record Link(String name, int address, int prefix, DatagramChannel channel) {}

  private final DhcpServerConfig config;
  private final DeviceDirectory directory;
  private final List<VendorProfile> profiles;
  private final ServerContext context;
  private final LeaseStore store;
  private final AllocationEngine engine = new AllocationEngine();
  private final Counters counters = new Counters();
  private final DhcpEvents events;
  private final RateLimitedLog rateLimited = new RateLimitedLog(log, 10_000);
  private final List<Link> links = new ArrayList<>();
  private final List<Thread> receivers = new ArrayList<>();
  private DatagramChannel main;
  private DhcpHandler handler;
  private volatile boolean running;

  public DhcpServer(
      DhcpServerConfig config,
      DeviceDirectory directory,
      List<VendorProfile> profiles,
      ServerContext context,
      EventRecorder events,
      LeaseStore store) {
    this.config = config;
    this.directory = directory;
    this.profiles = List.copyOf(profiles);
    this.context = context;
    this.events = new DhcpEvents(events);
    this.store = store;
  }

  /** A server whose leases live in a journal in {@code config.dataDir()}. */
  public static DhcpServer withJournal(
      DhcpServerConfig config,
      DeviceDirectory directory,
      List<VendorProfile> profiles,
      ServerContext context,
      EventRecorder events)
      throws IOException {
    return new DhcpServer(
        config, directory, profiles, context, events, JournalLeaseStore.open(config.dataDir()));
  }

  /** Restores the stored leases, binds the sockets and starts answering. */
  public synchronized void start() throws IOException {
    if (running) return;
    int restored = 0;
    for (Lease l : store.load()) {
      Optional<Site> site = directory.site(l.site());
      if (site.isPresent()) {
        engine.restore(site.get(), l);
        restored++;
      } else {
        log.warn("stored lease {} belongs to unknown site '{}': not restored", l.ip(), l.site());
      }
    }
    main = open(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()));
    for (String name : config.interfaces()) links.add(openLink(name));
    int directSite =
        links.isEmpty()
            ? Ipv4.parse(config.serverId() != null ? config.serverId() : context.serverIp())
            : links.get(0).address();
    handler =
        new DhcpHandler(
            config,
            directory,
            profiles,
            context,
            engine,
            store,
            events,
            counters,
            rateLimited,
            this::send,
            directSite);
    running = true;
    receivers.add(receiver(main, "dhcp-rx"));
    for (Link l : links) receivers.add(receiver(l.channel(), "dhcp-rx-" + l.name()));
    log.info(
        "DHCP server on {} ({} interfaces), {} leases restored",
        localAddress(),
        links.size(),
        restored);
  }

  private DatagramChannel open(InetSocketAddress at) throws IOException {
    DatagramChannel ch = DatagramChannel.open(java.net.StandardProtocolFamily.INET);
    ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    ch.setOption(StandardSocketOptions.SO_BROADCAST, true);
    ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
    ch.bind(at);
    return ch;
  }

  private Link openLink(String name) throws IOException {
    NetworkInterface nif = NetworkInterface.getByName(name);
    if (nif == null) throw new IOException("no network interface '" + name + "'");
    for (InterfaceAddress ia : nif.getInterfaceAddresses()) {
      if (ia.getAddress() instanceof Inet4Address a) {
        DatagramChannel ch = open(new InetSocketAddress(a, main.socket().getLocalPort()));
        return new Link(name, Ipv4.read(a.getAddress(), 0), ia.getNetworkPrefixLength(), ch);
      }
    }
    throw new IOException("interface '" + name + "' has no IPv4 address");
  }

  private Thread receiver(DatagramChannel ch, String name) {
    return Thread.ofPlatform()
        .name(name)
        .daemon()
        .start(
            () -> {
              ByteBuffer buf = ByteBuffer.allocate(65_536);
              while (running) {
                try {
                  buf.clear();
                  InetSocketAddress from = (InetSocketAddress) ch.receive(buf);
                  handler.handle(buf.array(), buf.position(), from.getAddress().getHostAddress());
                } catch (ClosedChannelException e) {
                  return;
                } catch (IOException | RuntimeException e) {
                  counters.internalErrors.increment();
                  rateLimited.warn("internal", "DHCP receive/handle failed: " + e);
                }
              }
            });
  }

  private void send(byte[] reply, ReplyRoute route, Site site) {
    DatagramChannel ch = main;
    if (route.broadcast() && !links.isEmpty()) ch = linkFor(site).channel();
    try {
      byte[] a = Ipv4.bytes(route.address());
      ch.send(
          ByteBuffer.wrap(reply), new InetSocketAddress(InetAddress.getByAddress(a), route.port()));
    } catch (IOException e) {
      counters.sendFailures.increment();
      rateLimited.warn("send", "cannot send a reply to " + route + ": " + e);
    }
  }

  /** The interface on the site's subnet, else the first one. */
  private Link linkFor(Site site) {
    for (Link l : links) {
      if (site.subnet() != null && site.subnet().contains("/")) {
        String[] c = site.subnet().split("/");
        int mask = Ipv4.mask(Integer.parseInt(c[1]));
        if ((l.address() & mask) == (Ipv4.parse(c[0]) & mask)) return l;
      }
    }
    return links.get(0);
  }

  /** The main socket's address (its port when bound to port 0). */
  public InetSocketAddress localAddress() {
    try {
      return (InetSocketAddress) main.getLocalAddress();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public DhcpStats stats() {
    DhcpStats s = counters.snapshot();
    return s;
  }

  /** Timeline events that could not be recorded. */
  public long eventFailures() {
    return events.failures.sum();
  }

  @Override
  public Optional<Lease> byIp(String ip) {
    return engine.activeByIp(ip, Instant.now());
  }

  @Override
  public Optional<Lease> byDevice(String deviceId) {
    return engine.byDevice(deviceId);
  }

  @Override
  public List<Lease> all() {
    return engine.all();
  }

  /** Stops answering, then closes the lease store (pending leases are written first). */
  @Override
  public synchronized void close() {
    running = false;
    closeQuietly(main);
    for (Link l : links) closeQuietly(l.channel());
    for (Thread t : receivers) {
      try {
        t.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    store.close();
  }

  private static void closeQuietly(DatagramChannel ch) {
    try {
      if (ch != null) ch.close();
    } catch (IOException e) {
      log.debug("closing a DHCP socket: {}", e.toString());
    }
  }
}
