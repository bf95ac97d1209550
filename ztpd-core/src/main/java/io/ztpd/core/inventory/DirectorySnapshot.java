package io.ztpd.core.inventory;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import io.ztpd.core.util.Ipv4;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of the inventory with an index per identity key. Rebuilt on every change
 * (changes are rare, lookups are per packet), published through a volatile field.
 */
final class DirectorySnapshot {
  private record SiteSubnet(Ipv4.Cidr cidr, Site site) {}

  final long version;
  final Map<String, Device> byId = new HashMap<>();
  private final Map<String, Device> bySerial = new HashMap<>();
  private final Map<String, Device> byMac = new HashMap<>();
  private final Map<String, Device> byClientId = new HashMap<>();
  private final Map<String, Device> byCircuit = new HashMap<>();
  private final Map<String, Device> byRemoteId = new HashMap<>();
  final Map<String, Site> sites = new HashMap<>();
  private final Map<String, Site> siteByRelay = new HashMap<>();
  private final List<SiteSubnet> subnets = new ArrayList<>();
  final Map<String, Group> groups = new HashMap<>();

  DirectorySnapshot(
      long version, List<Device> devices, List<Site> siteList, List<Group> groupList) {
    this.version = version;
    for (Site s : siteList) {
      sites.put(s.name(), s);
      for (String r : s.relays()) siteByRelay.put(r, s);
      if (s.subnet() != null && !s.subnet().isBlank()) {
        subnets.add(new SiteSubnet(Ipv4.Cidr.parse(s.subnet()), s));
      }
    }
    // most specific subnet first
    subnets.sort((a, b) -> Integer.compare(b.cidr().prefix(), a.cidr().prefix()));
    for (Group g : groupList) groups.put(g.name(), g);
    for (Device d : devices) {
      byId.put(d.id(), d);
      if (d.serial() != null) bySerial.put(key(d.serial()), d);
      if (d.mac() != null) byMac.put(d.mac(), d);
      if (d.clientId() != null) byClientId.put(d.clientId(), d);
      if (d.circuitId() != null) byCircuit.put(d.circuitId(), d);
      if (d.remoteId() != null) byRemoteId.put(d.remoteId(), d);
    }
  }

  static String key(String serial) {
    return serial.trim().toUpperCase(Locale.ROOT);
  }

  /** Serial first (what the operator declared), then MAC, client-id, relay port. */
  Optional<Device> match(Identity id) {
    Device d = null;
    if (id.serial() != null) d = bySerial.get(key(id.serial()));
    if (d == null && id.mac() != null) d = byMac.get(id.mac());
    if (d == null && id.clientId() != null) d = byClientId.get(id.clientId());
    if (d == null && id.circuitId() != null) {
      Device c = byCircuit.get(id.circuitId());
      // a circuit-id is only unique behind one relay: the device's site must own that relay
      if (c != null && (id.relay() == null || relayBelongsTo(id.relay(), c))) d = c;
    }
    if (d == null && id.remoteId() != null) d = byRemoteId.get(id.remoteId());
    return Optional.ofNullable(d);
  }

  private boolean relayBelongsTo(String relay, Device d) {
    if (d.site() == null) return true;
    Site s = siteFor(relay).orElse(null);
    return s == null || s.name().equals(d.site());
  }

  Optional<Device> bySerial(String serial) {
    return Optional.ofNullable(bySerial.get(key(serial)));
  }

  Optional<Device> byMac(String mac) {
    return Optional.ofNullable(byMac.get(mac));
  }

  Optional<Device> byClientId(String clientId) {
    return Optional.ofNullable(byClientId.get(clientId));
  }

  Optional<Site> siteFor(String ip) {
    if (ip == null) return Optional.empty();
    Site s = siteByRelay.get(ip);
    if (s != null) return Optional.of(s);
    if (!Ipv4.isAddress(ip)) return Optional.empty();
    int a = Ipv4.parse(ip);
    for (SiteSubnet sub : subnets) {
      if (sub.cidr().contains(a)) return Optional.of(sub.site());
    }
    return Optional.empty();
  }
}
