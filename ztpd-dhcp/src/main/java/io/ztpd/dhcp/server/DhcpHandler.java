package io.ztpd.dhcp.server;

import io.ztpd.core.event.EventKind;
import io.ztpd.core.inventory.DeviceDirectory;
import io.ztpd.core.lease.Lease;
import io.ztpd.core.model.Site;
import io.ztpd.core.util.Ipv4;
import io.ztpd.core.vendor.DhcpReplyOptions;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.dhcp.alloc.Allocation;
import io.ztpd.dhcp.alloc.AllocationEngine;
import io.ztpd.dhcp.lease.LeaseStore;
import io.ztpd.dhcp.wire.DhcpOption;
import io.ztpd.dhcp.wire.DhcpPacket;
import io.ztpd.dhcp.wire.MalformedPacketException;
import io.ztpd.dhcp.wire.MessageType;
import java.time.Instant;
import java.util.List;

/**
 * The DHCP state machine of RFC 2131 §4.3 over decoded messages: which site, who is asking, what
 * the engine grants, what goes back. ACKs (and stored RELEASE / DECLINE records) go out from the
 * journal's completion, so an ACK never precedes its durable lease.
 */
final class DhcpHandler {
  /** Sends an encoded reply. */
  interface Sender {
    void send(byte[] reply, ReplyRoute route, Site site);
  }

  private final DhcpServerConfig config;
  private final DeviceDirectory directory;
  private final List<VendorProfile> profiles;
  private final ServerContext context;
  private final AllocationEngine engine;
  private final LeaseStore store;
  private final DhcpEvents events;
  private final Counters counters;
  private final RateLimitedLog log;
  private final Sender sender;
  private final int serverId;
  private final int directSiteAddress;

  DhcpHandler(
      DhcpServerConfig config,
      DeviceDirectory directory,
      List<VendorProfile> profiles,
      ServerContext context,
      AllocationEngine engine,
      LeaseStore store,
      DhcpEvents events,
      Counters counters,
      RateLimitedLog log,
      Sender sender,
      int directSiteAddress) {
    this.config = config;
    this.directory = directory;
    this.profiles = List.copyOf(profiles);
    this.context = context;
    this.engine = engine;
    this.store = store;
    this.events = events;
    this.counters = counters;
    this.log = log;
    this.sender = sender;
    this.serverId = Ipv4.parse(config.serverId() != null ? config.serverId() : context.serverIp());
    this.directSiteAddress = directSiteAddress;
  }

  /** Decodes and answers one datagram; junk is counted and logged at a limited rate. */
  void handle(byte[] buf, int length, String from) {
    counters.received.increment();
    DhcpPacket p;
    try {
      p = DhcpPacket.decode(buf, 0, length);
      if (p.op() != 1)
        throw new MalformedPacketException(
            MalformedPacketException.Reason.NOT_A_REQUEST, "op " + p.op());
      if (MessageType.of(p.messageType()) == null) {
        throw new MalformedPacketException(
            MalformedPacketException.Reason.NO_MESSAGE_TYPE, "option 53 = " + p.byteOption(53));
      }
    } catch (MalformedPacketException e) {
      counters.malformed[e.reason().ordinal()].increment();
      log.warn(e.reason().name(), () -> "dropped a datagram from " + from + ": " + e.getMessage());
      return;
    }
    handle(p, from);
  }

  void handle(DhcpPacket p, String from) {
    MessageType type = MessageType.of(p.messageType());
    counters.requests[type.ordinal()].increment();
    Site site = siteOf(p);
    if (site == null) {
      counters.noSite.increment();
      log.warn("nosite", "no site for " + p + " from " + from + " (relay/link not in any site)");
      return;
    }
    Requester who = Requester.identify(p, profiles, directory);
    if (who.ignoreReason() != null) {
      counters.ignored.increment();
      return;
    }
    Instant now = Instant.now();
    switch (type) {
      case DISCOVER -> discover(p, site, who, now);
      case REQUEST -> request(p, site, who, now);
      case DECLINE -> decline(p, site, who, now);
      case RELEASE -> release(p, site, who, now);
      case INFORM -> inform(p, site, who);
      default -> {
        counters.malformed[MalformedPacketException.Reason.NOT_A_REQUEST.ordinal()].increment();
        log.warn("notrequest", "dropped a " + type + " sent to the server port by " + from);
      }
    }
  }

  private Site siteOf(DhcpPacket p) {
    byte[] link = p.relaySubOption(DhcpOption.RELAY_LINK_SELECTION).orElse(null);
    int key;
    if (link != null && link.length == 4) key = Ipv4.read(link, 0);
    else if (p.giaddrInt() != 0) key = p.giaddrInt();
    else if (p.ciaddr() != 0) key = p.ciaddr();
    else key = directSiteAddress;
    return directory.siteFor(Ipv4.format(key)).orElse(null);
  }

  private void discover(DhcpPacket p, Site site, Requester who, Instant now) {
    events.record(EventKind.DHCP_DISCOVER, who, site, p, null, null);
    Allocation a =
        engine.offer(
            site,
            who.client(),
            p.intOption(DhcpOption.REQUESTED_IP),
            fixedIp(who),
            now,
            config.offerSeconds());
    if (a instanceof Allocation.Refused r) {
      counters.noAddress.increment();
      log.warn("noaddress", "no address for " + p + ": " + r.reason());
      return;
    }
    Lease offered = ((Allocation.Granted) a).lease();
    DhcpReplyOptions o =
        ReplyBuilder.options(who, site, p, context, leaseSeconds(site), this::profileFailed);
    int yiaddr = Ipv4.parse(offered.ip());
    send(p, MessageType.OFFER, yiaddr, o, null, site);
    events.record(EventKind.DHCP_OFFER, who, site, p, offered.ip(), null);
  }

  private void request(DhcpPacket p, Site site, Requester who, Instant now) {
    int chosen = p.intOption(DhcpOption.SERVER_ID);
    int requested = p.intOption(DhcpOption.REQUESTED_IP);
    int ip = requested != 0 ? requested : p.ciaddr();
    events.record(EventKind.DHCP_REQUEST, who, site, p, ip == 0 ? null : Ipv4.format(ip), null);
    if (chosen != 0 && chosen != serverId) {
      counters.notForUs.increment(); // SELECTING another server's offer: ours goes back
      if (requested != 0) engine.release(site, who.client(), requested, now);
      return;
    }
    if (ip == 0) {
      counters.malformed[MalformedPacketException.Reason.BAD_OPTION_VALUE.ordinal()].increment();
      log.warn("noip", "REQUEST without requested address or ciaddr: " + p);
      return;
    }
    if (!engine.onSite(site, ip)) {
      nak(p, site, who, Ipv4.format(ip) + " is not on this network");
      return;
    }
    DhcpReplyOptions o =
        ReplyBuilder.options(who, site, p, context, leaseSeconds(site), this::profileFailed);
    Allocation a =
        engine.commit(site, who.client(), ip, fixedIp(who), now, ReplyBuilder.leaseSeconds(o));
    if (a instanceof Allocation.Refused r) {
      nak(p, site, who, r.reason());
      return;
    }
    Lease lease = ((Allocation.Granted) a).lease();
    store
        .append(lease)
        .whenComplete(
            (ok, err) -> {
              if (err != null) {
                counters.storeFailures.increment();
                log.warn("store", "lease " + lease.ip() + " not stored, no ACK: " + err);
                return;
              }
              send(p, MessageType.ACK, ip, o, null, site);
              events.record(EventKind.DHCP_ACK, who, site, p, lease.ip(), null);
            });
  }

  private void nak(DhcpPacket p, Site site, Requester who, String reason) {
    send(p, MessageType.NAK, 0, null, reason, site);
    events.record(EventKind.DHCP_NAK, who, site, p, null, reason);
  }

  private void decline(DhcpPacket p, Site site, Requester who, Instant now) {
    int ip = p.intOption(DhcpOption.REQUESTED_IP);
    events.record(
        EventKind.DHCP_DECLINE, who, site, p, ip == 0 ? null : Ipv4.format(ip), "address in use");
    if (ip == 0 || !engine.onSite(site, ip)) return;
    Lease q = engine.decline(site, who.client(), ip, now, config.declineQuarantineSeconds());
    if (q != null) {
      log.warn("decline", Ipv4.format(ip) + " declined by " + p.mac() + ": quarantined");
      store.append(q).whenComplete((ok, err) -> storeFailed(err));
    }
  }

  private void release(DhcpPacket p, Site site, Requester who, Instant now) {
    int ip = p.ciaddr();
    events.record(EventKind.DHCP_RELEASE, who, site, p, ip == 0 ? null : Ipv4.format(ip), null);
    if (ip == 0 || !engine.onSite(site, ip)) return;
    Lease r = engine.release(site, who.client(), ip, now);
    if (r != null) store.append(r).whenComplete((ok, err) -> storeFailed(err));
  }

  private void inform(DhcpPacket p, Site site, Requester who) {
    events.record(
        EventKind.DHCP_INFORM,
        who,
        site,
        p,
        p.ciaddr() == 0 ? null : Ipv4.format(p.ciaddr()),
        null);
    DhcpReplyOptions o = ReplyBuilder.options(who, site, p, context, 0, this::profileFailed);
    send(p, MessageType.ACK, 0, o, null, site);
  }

  private void storeFailed(Throwable err) {
    if (err != null) {
      counters.storeFailures.increment();
      log.warn("store", "lease record not stored: " + err);
    }
  }

  private void send(
      DhcpPacket p, MessageType type, int yiaddr, DhcpReplyOptions o, String nak, Site site) {
    byte[] reply;
    try {
      reply = ReplyBuilder.encode(p, type, yiaddr, serverId, o, nak);
    } catch (IllegalStateException e) {
      counters.sendFailures.increment();
      log.warn("encode", "cannot encode " + type + " for " + p + ": " + e.getMessage());
      return;
    }
    sender.send(reply, ReplyRoute.of(p, type, config), site);
    counters.replies[type.ordinal()].increment();
  }

  private int leaseSeconds(Site site) {
    return site.leaseSeconds() > 0 ? site.leaseSeconds() : config.defaultLeaseSeconds();
  }

  private int fixedIp(Requester who) {
    String f = who.device() == null ? null : who.device().fixedIp();
    if (f == null || f.isBlank()) return 0;
    try {
      return Ipv4.parse(f.trim());
    } catch (IllegalArgumentException e) {
      log.warn("fixedip", "device " + who.device().id() + " has a bad fixed_ip '" + f + "'");
      return 0;
    }
  }

  private void profileFailed(String id, RuntimeException e) {
    log.warn("profile:" + id, "vendor profile " + id + " failed to add its options: " + e);
  }
}
