package io.ztpd.dhcp.server;

import io.ztpd.core.model.Site;
import io.ztpd.core.util.Ipv4;
import io.ztpd.core.vendor.DhcpReplyOptions;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.dhcp.wire.DhcpOption;
import io.ztpd.dhcp.wire.DhcpPacket;
import io.ztpd.dhcp.wire.DhcpWriter;
import io.ztpd.dhcp.wire.MessageType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds OFFER / ACK / NAK: the common options (1, 3, 6, 15, 51, 54, 58, 59; 42, 7, 12 when asked
 * for), then the vendor profile's, ordered as the client's parameter request list (55) asks with
 * the options it did not ask for after them — a vendor's ZTP client gets what it needs either way —
 * and option 82 echoed last (RFC 3046 §2.2).
 */
final class ReplyBuilder {
  private static final int MAX_REPLY = 1472; // 1500-octet MTU less IP and UDP headers

  private ReplyBuilder() {}

  /** Options for an OFFER, ACK or INFORM reply ({@code leaseSeconds} 0 for INFORM). */
  static DhcpReplyOptions options(
      Requester who,
      Site site,
      DhcpPacket req,
      ServerContext ctx,
      int leaseSeconds,
      ProfileErrors errors) {
    DhcpReplyOptions o = new DhcpReplyOptions();
    int prefix = prefix(site);
    o.putInt(DhcpOption.SUBNET_MASK, Ipv4.mask(prefix));
    if (site.router() != null) o.putAddress(DhcpOption.ROUTER, site.router());
    if (!site.dns().isEmpty()) o.putAddresses(DhcpOption.DNS, site.dns());
    if (site.domain() != null) o.putText(DhcpOption.DOMAIN_NAME, site.domain());
    if (leaseSeconds > 0) o.putInt(DhcpOption.LEASE_TIME, leaseSeconds);
    if (req.requested(DhcpOption.NTP_SERVERS) && !site.ntp().isEmpty()) {
      o.putAddresses(DhcpOption.NTP_SERVERS, site.ntp());
    }
    if (req.requested(DhcpOption.LOG_SERVER) && !site.syslog().isEmpty()) {
      o.putAddresses(DhcpOption.LOG_SERVER, site.syslog());
    }
    if (req.requested(DhcpOption.HOSTNAME)
        && who.device() != null
        && who.device().hostname() != null) {
      o.putText(DhcpOption.HOSTNAME, who.device().hostname());
    }
    if (who.profile() != null) {
      try {
        who.profile().addDhcpOptions(who.device(), site, req, ctx, o);
      } catch (RuntimeException e) {
        errors.failed(
            who.profile().id(), e); // the device still gets an address and the common options
      }
    }
    if (leaseSeconds > 0) {
      long lease = ByteBuffer.wrap(o.get(DhcpOption.LEASE_TIME)).getInt() & 0xffffffffL;
      o.putInt(DhcpOption.RENEWAL_TIME, (int) (lease / 2));
      o.putInt(DhcpOption.REBINDING_TIME, (int) (lease * 7 / 8));
    } else {
      o.remove(DhcpOption.LEASE_TIME);
    }
    return o;
  }

  /** Lease seconds the options ended with (a profile may raise it). */
  static int leaseSeconds(DhcpReplyOptions o) {
    byte[] b = o.get(DhcpOption.LEASE_TIME);
    return b == null || b.length != 4 ? 0 : ByteBuffer.wrap(b).getInt();
  }

  static byte[] encode(
      DhcpPacket req, MessageType type, int yiaddr, int serverId, DhcpReplyOptions o, String nak) {
    int max =
        req.has(DhcpOption.MAX_MESSAGE_SIZE) && req.optionLength(DhcpOption.MAX_MESSAGE_SIZE) == 2
            ? Math.min(
                MAX_REPLY,
                ((req.optionBytes(DhcpOption.MAX_MESSAGE_SIZE)[0] & 0xff) << 8)
                    | (req.optionBytes(DhcpOption.MAX_MESSAGE_SIZE)[1] & 0xff))
            : 576;
    int flags = req.flags();
    if (type == MessageType.NAK && req.giaddrInt() != 0) flags |= 0x8000; // RFC 2131 §4.3.2
    int ciaddr = type == MessageType.NAK || type == MessageType.OFFER ? 0 : req.ciaddr();
    DhcpWriter w =
        new DhcpWriter(max)
            .header(
                2,
                req.htype(),
                req.hlen(),
                req.xid(),
                flags,
                ciaddr,
                yiaddr,
                type == MessageType.NAK ? 0 : serverId,
                req.giaddrInt(),
                req.chaddr())
            .option(DhcpOption.MESSAGE_TYPE, type.code)
            .intOption(DhcpOption.SERVER_ID, serverId);
    if (nak != null) {
      w.option(DhcpOption.MESSAGE, nak.getBytes(StandardCharsets.US_ASCII));
    } else {
      Map<Integer, byte[]> all = o.asMap();
      byte[] prl = req.parameterRequestList();
      boolean[] done = new boolean[256];
      done[DhcpOption.MESSAGE_TYPE] =
          done[DhcpOption.SERVER_ID] = done[DhcpOption.RELAY_AGENT_INFO] = true;
      for (byte b : prl) {
        int code = b & 0xff;
        byte[] v = all.get(code);
        if (v != null && !done[code]) {
          w.option(code, v);
          done[code] = true;
        }
      }
      for (Map.Entry<Integer, byte[]> e : all.entrySet()) {
        if (!done[e.getKey()]) w.option(e.getKey(), e.getValue());
      }
    }
    byte[] relay = req.optionBytes(DhcpOption.RELAY_AGENT_INFO);
    if (relay != null) w.option(DhcpOption.RELAY_AGENT_INFO, relay);
    return w.toBytes();
  }

  static int prefix(Site site) {
    String s = site.subnet();
    int slash = s == null ? -1 : s.indexOf('/');
    return slash < 0 ? 24 : Integer.parseInt(s.substring(slash + 1));
  }

  /** Where profile failures are reported. */
  interface ProfileErrors {
    void failed(String profileId, RuntimeException e);
  }
}
