package io.ztpd.dhcp.testing;

import io.ztpd.core.inventory.DeviceDirectory;
import io.ztpd.core.inventory.UnknownDevicePolicy;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import io.ztpd.core.util.Ipv4;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A small in-memory inventory for tests and the standalone bench server. */
public final class InMemoryDirectory implements DeviceDirectory {
  private final List<Site> sites = new CopyOnWriteArrayList<>();
  private final List<Device> devices = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<String, String> pending = new ConcurrentHashMap<>();
  private final AtomicInteger pendingSeq = new AtomicInteger();
  private volatile UnknownDevicePolicy policy = UnknownDevicePolicy.HOLD;

  public InMemoryDirectory site(Site s) {
    sites.add(s);
    return this;
  }

  public InMemoryDirectory device(Device d) {
    devices.add(d);
    return this;
  }

  public InMemoryDirectory policy(UnknownDevicePolicy p) {
    policy = p;
    return this;
  }

  public int pendingCount() {
    return pending.size();
  }

  @Override
  public Optional<Device> match(Identity id) {
    for (Device d : devices) {
      if (d.serial() != null && d.serial().equals(id.serial())) return Optional.of(d);
    }
    for (Device d : devices) {
      if (d.mac() != null && d.mac().equals(id.mac())) return Optional.of(d);
      if (d.clientId() != null && d.clientId().equals(id.clientId())) return Optional.of(d);
      if (d.circuitId() != null
          && d.circuitId().equals(id.circuitId())
          && Objects.equals(d.remoteId(), id.remoteId())) return Optional.of(d);
    }
    return Optional.empty();
  }

  @Override
  public List<Device> devices() {
    return List.copyOf(devices);
  }

  @Override
  public Optional<Device> byId(String id) {
    return devices.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  @Override
  public Optional<Site> siteFor(String ip) {
    for (Site s : sites) if (s.relays().contains(ip)) return Optional.of(s);
    int a = Ipv4.parse(ip);
    for (Site s : sites) {
      if (s.subnet() == null) continue;
      String[] c = s.subnet().split("/");
      int mask = Ipv4.mask(Integer.parseInt(c[1]));
      if ((a & mask) == (Ipv4.parse(c[0]) & mask)) return Optional.of(s);
    }
    return Optional.empty();
  }

  @Override
  public Optional<Site> site(String name) {
    return sites.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  @Override
  public List<Site> sites() {
    return List.copyOf(sites);
  }

  @Override
  public Optional<Group> group(String name) {
    return Optional.empty();
  }

  @Override
  public UnknownDecision unknown(Identity identity, String source) {
    if (policy == UnknownDevicePolicy.IGNORE) return new UnknownDecision.Ignore("policy ignore");
    String key = identity.label();
    return new UnknownDecision.Hold(
        pending.computeIfAbsent(key, k -> "p" + pendingSeq.incrementAndGet()));
  }

  /** A site with one pool and no extras. */
  public static Site site(String name, String subnet, List<String> relays, String pool) {
    return new Site(
        name,
        subnet,
        relays,
        List.of(pool),
        List.of(),
        null,
        List.of(),
        null,
        List.of(),
        List.of(),
        0,
        null);
  }

  /** A device known by MAC. */
  public static Device device(String id, String mac, String vendor, String fixedIp) {
    return new Device(
        id, id, null, mac, vendor, null, null, null, null, null, null, null, null, null, fixedIp,
        null);
  }
}
