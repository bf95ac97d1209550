package io.ztpd.dhcp.alloc;

import io.ztpd.core.lease.Lease;
import io.ztpd.core.model.Site;
import io.ztpd.core.util.Ipv4;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out addresses per site: reservations first, then the client's previous address, then the
 * one it asked for, then the next free one. Knows nothing of storage: the server makes each granted
 * lease durable before it answers. Thread-safe (one lock per site).
 */
public final class AllocationEngine {
  private final ConcurrentHashMap<String, SitePool> pools = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Lease> byDevice = new ConcurrentHashMap<>();

  /** Offers an address; {@code fixed} is the device's reserved address (0 when none). */
  public Allocation offer(
      Site site, Client c, int requested, int fixed, Instant now, long offerSeconds) {
    return pool(site).offer(c, requested, fixed, now, offerSeconds);
  }

  /** Grants (or renews) a lease on {@code ip}; the caller must store it before answering. */
  public Allocation commit(Site site, Client c, int ip, int fixed, Instant now, long leaseSeconds) {
    Allocation a = pool(site).commit(c, ip, fixed, now, leaseSeconds);
    if (a instanceof Allocation.Granted g && c.deviceId() != null)
      byDevice.put(c.deviceId(), g.lease());
    return a;
  }

  /** Returns the released lease to store, or null when the client did not hold {@code ip}. */
  public Lease release(Site site, Client c, int ip, Instant now) {
    return pool(site).release(c, ip, now);
  }

  /** Returns the quarantine record to store, or null when {@code ip} is someone else's. */
  public Lease decline(Site site, Client c, int ip, Instant now, long quarantineSeconds) {
    return pool(site).decline(c, ip, now, quarantineSeconds);
  }

  /** Whether {@code ip} is on the site's subnet. */
  public boolean onSite(Site site, int ip) {
    return pool(site).inSubnet(ip);
  }

  /** Loads a stored lease (startup); its site must be known by the time a client asks. */
  public void restore(Site site, Lease lease) {
    pool(site).restore(lease);
    if (lease.deviceId() != null && lease.state() == Lease.State.ACTIVE) {
      byDevice.merge(lease.deviceId(), lease, (a, b) -> a.start().isAfter(b.start()) ? a : b);
    }
  }

  public Optional<Lease> activeByIp(String ip, Instant now) {
    int a = Ipv4.parse(ip);
    for (SitePool p : pools.values()) {
      if (!p.inSubnet(a)) continue;
      Lease l = p.byIp(a);
      if (l != null && l.activeAt(now)) return Optional.of(l);
    }
    return Optional.empty();
  }

  public Optional<Lease> byDevice(String deviceId) {
    return Optional.ofNullable(byDevice.get(deviceId));
  }

  /** Every lease record held in memory, newest first. */
  public List<Lease> all() {
    List<Lease> out = new ArrayList<>();
    for (SitePool p : pools.values()) out.addAll(p.leases());
    out.sort(Comparator.comparing(Lease::start).reversed());
    return out;
  }

  private SitePool pool(Site site) {
    SitePool p = pools.get(site.name());
    if (p != null && (p.site == site || p.site.equals(site)))
      return p; // same record: skip deep equals
    return pools.compute(
        site.name(),
        (name, old) -> {
          if (old != null && old.site.equals(site)) return old;
          SitePool fresh = new SitePool(site); // site edited: rebuild, keep who holds what
          if (old != null) old.leases().forEach(fresh::restore);
          return fresh;
        });
  }
}
