package io.ztpd.dhcp.alloc;

import io.ztpd.core.lease.Lease;
import io.ztpd.core.lease.Lease.State;
import io.ztpd.core.model.Site;
import io.ztpd.core.util.Ipv4;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Addresses of one site and who holds them. All methods are synchronized: one lock per site keeps
 * two clients from ever being handed the same address, whatever thread asks.
 *
 * <p>{@code taken} is an accelerator over the pool indexes: a set bit means "was held when last
 * looked at". Expiry is lazy — when no clear bit remains, a sweep clears the bits of bindings that
 * ran out. Bindings that ran out stay in {@code byIp} so a returning client gets its old address.
 */
final class SitePool {
  final Site site;
  final int network;
  final int mask;
  private final AddressRanges ranges;
  private final BitSet excluded = new BitSet();
  private final BitSet taken = new BitSet();
  private final Map<Integer, Lease> byIp = new HashMap<>();
  private final Map<String, Lease> byClient = new HashMap<>();
  private int hint;

  SitePool(Site site) {
    this.site = site;
    Ipv4.Cidr cidr = Ipv4.Cidr.parse(site.subnet() == null ? "0.0.0.0/0" : site.subnet());
    this.mask = Ipv4.mask(cidr.prefix());
    this.network = cidr.network();
    this.ranges = new AddressRanges(site.pools());
    for (String ex : site.exclusions()) {
      long[] r = AddressRanges.parse(ex);
      for (long a = r[0]; a <= r[1]; a++) {
        int idx = ranges.indexOf((int) a);
        if (idx >= 0) excluded.set(idx);
      }
    }
    taken.or(excluded);
  }

  boolean inSubnet(int ip) {
    return (ip & mask) == network;
  }

  synchronized Allocation offer(
      Client c, int requested, int fixed, Instant now, long offerSeconds) {
    Instant until = now.plusSeconds(offerSeconds);
    if (fixed != 0) {
      if (!inSubnet(fixed))
        return refuse("reserved " + Ipv4.format(fixed) + " outside " + site.name());
      if (heldByOther(fixed, c, now))
        return refuse("reserved " + Ipv4.format(fixed) + " held by another client");
      Lease current = byIp.get(fixed);
      if (activeFor(current, c, now)) return new Allocation.Granted(current);
      return grant(fixed, c, State.OFFERED, now, until);
    }
    Lease mine = byClient.get(c.key());
    if (mine != null && mine.state() != State.DECLINED) {
      int ip = Ipv4.parse(mine.ip());
      // a client that still holds its lease is offered it as is: an offer must not shorten a lease
      if (activeFor(mine, c, now) && ranges.indexOf(ip) >= 0) return new Allocation.Granted(mine);
      if (usable(ip, c, now)) return grant(ip, c, State.OFFERED, now, until);
    }
    if (requested != 0 && usable(requested, c, now)) {
      return grant(requested, c, State.OFFERED, now, until);
    }
    int idx = nextFree(now);
    if (idx < 0) return refuse("pool of " + site.name() + " exhausted");
    return grant(ranges.addressAt(idx), c, State.OFFERED, now, until);
  }

  synchronized Allocation commit(Client c, int ip, int fixed, Instant now, long leaseSeconds) {
    if (fixed != 0 && ip != fixed) return refuse("reserved address is " + Ipv4.format(fixed));
    if (!inSubnet(ip)) return refuse(Ipv4.format(ip) + " is not on " + site.name());
    if (ip != fixed) {
      int idx = ranges.indexOf(ip);
      if (idx < 0) return refuse(Ipv4.format(ip) + " is outside the pools of " + site.name());
      if (excluded.get(idx)) return refuse(Ipv4.format(ip) + " is excluded");
    }
    if (heldByOther(ip, c, now)) return refuse(Ipv4.format(ip) + " is held by another client");
    return grant(ip, c, State.ACTIVE, now, now.plusSeconds(leaseSeconds));
  }

  /** The client gave the address back (RELEASE) or chose another server's offer. */
  synchronized Lease release(Client c, int ip, Instant now) {
    Lease b = byIp.get(ip);
    if (b == null || !keyOf(b).equals(c.key()) || b.state() == State.DECLINED) return null;
    Lease released = with(b, State.RELEASED, b.start(), now);
    byIp.put(ip, released);
    byClient.put(c.key(), released);
    clear(ip);
    return released;
  }

  /** The client found the address in use (DECLINE): nobody gets it for the quarantine. */
  synchronized Lease decline(Client c, int ip, Instant now, long quarantineSeconds) {
    Lease b = byIp.get(ip);
    if (b != null && !keyOf(b).equals(c.key()) && held(b, now)) return null;
    if (!inSubnet(ip)) return null;
    if (b != null) byClient.remove(keyOf(b), b);
    Lease declined =
        new Lease(
            Ipv4.format(ip),
            "00:00:00:00:00:00",
            null,
            null,
            site.name(),
            null,
            now,
            now.plusSeconds(quarantineSeconds),
            State.DECLINED);
    byIp.put(ip, declined);
    int idx = ranges.indexOf(ip);
    if (idx >= 0) taken.set(idx);
    return declined;
  }

  /** Puts back a lease read from the store at startup. */
  synchronized void restore(Lease l) {
    int ip = Ipv4.parse(l.ip());
    Lease old = byIp.get(ip);
    if (old != null) byClient.remove(keyOf(old), old);
    byIp.put(ip, l);
    if (l.state() != State.DECLINED) byClient.put(keyOf(l), l);
    int idx = ranges.indexOf(ip);
    if (idx >= 0 && (l.state() == State.ACTIVE || l.state() == State.DECLINED)) taken.set(idx);
  }

  synchronized Lease byIp(int ip) {
    return byIp.get(ip);
  }

  synchronized List<Lease> leases() {
    return new ArrayList<>(byIp.values());
  }

  private static boolean activeFor(Lease l, Client c, Instant now) {
    return l != null
        && l.state() == State.ACTIVE
        && l.expires().isAfter(now)
        && keyOf(l).equals(c.key());
  }

  private boolean usable(int ip, Client c, Instant now) {
    int idx = ranges.indexOf(ip);
    return idx >= 0 && !excluded.get(idx) && !heldByOther(ip, c, now) && !declined(ip, now);
  }

  private boolean declined(int ip, Instant now) {
    Lease b = byIp.get(ip);
    return b != null && b.state() == State.DECLINED && b.expires().isAfter(now);
  }

  private boolean heldByOther(int ip, Client c, Instant now) {
    Lease b = byIp.get(ip);
    return b != null && held(b, now) && (b.state() == State.DECLINED || !keyOf(b).equals(c.key()));
  }

  private static boolean held(Lease b, Instant now) {
    return (b.state() == State.ACTIVE || b.state() == State.OFFERED || b.state() == State.DECLINED)
        && b.expires().isAfter(now);
  }

  private int nextFree(Instant now) {
    for (int pass = 0; pass < 2; pass++) {
      int idx = taken.nextClearBit(hint);
      if (idx >= ranges.total) idx = taken.nextClearBit(0);
      if (idx < ranges.total) {
        hint = idx + 1;
        return idx;
      }
      sweep(now);
    }
    return -1;
  }

  /** Clears the bits of bindings that ran out (lazy expiry). */
  private void sweep(Instant now) {
    for (Lease b : byIp.values()) {
      if (!held(b, now)) clear(Ipv4.parse(b.ip()));
    }
  }

  private void clear(int ip) {
    int idx = ranges.indexOf(ip);
    if (idx >= 0 && !excluded.get(idx)) taken.clear(idx);
  }

  private Allocation grant(int ip, Client c, State state, Instant now, Instant until) {
    Lease old = byIp.get(ip);
    if (old != null && !keyOf(old).equals(c.key())) byClient.remove(keyOf(old), old);
    Lease previous = byClient.get(c.key());
    if (previous != null && !previous.ip().equals(Ipv4.format(ip))) {
      // one address per client and site: the old one goes back to the pool
      int prevIp = Ipv4.parse(previous.ip());
      byIp.put(prevIp, with(previous, State.RELEASED, previous.start(), now));
      clear(prevIp);
    }
    Lease l =
        new Lease(
            Ipv4.format(ip),
            c.mac(),
            c.clientIdHex(),
            c.deviceId(),
            site.name(),
            c.hostname(),
            now,
            until,
            state);
    byIp.put(ip, l);
    byClient.put(c.key(), l);
    int idx = ranges.indexOf(ip);
    if (idx >= 0) taken.set(idx);
    return new Allocation.Granted(l);
  }

  private static Lease with(Lease b, State state, Instant start, Instant expires) {
    return new Lease(
        b.ip(), b.mac(), b.clientId(), b.deviceId(), b.site(), b.hostname(), start, expires, state);
  }

  static String keyOf(Lease l) {
    return new Client(l.mac(), l.clientId(), null, null).key();
  }

  private static Allocation refuse(String reason) {
    return new Allocation.Refused(reason);
  }
}
