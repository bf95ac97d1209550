package io.ztpd.core.inventory;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Site;
import io.ztpd.core.util.Ipv4;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The rules an inventory must keep; each failure names the field to fix. */
final class InventoryValidator {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private final Set<String> knownVendors;

  InventoryValidator(Set<String> knownVendors) {
    this.knownVendors = Set.copyOf(knownVendors);
  }

  void requireValidName(String field, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InventoryException(
          field, field + " '" + name + "' must be 1-128 letters, digits, '.', '_' or '-'");
    }
  }

  /** Checks every device and that no identity key is claimed twice. */
  void requireValid(Collection<Device> devices, Set<String> sites, Set<String> groups) {
    for (Device d : devices) {
      requireValidName("id", d.id());
      if (d.site() != null && !sites.contains(d.site())) {
        throw new InventoryException(
            "site", "device '" + d.id() + "': unknown site '" + d.site() + "'");
      }
      if (d.group() != null && !groups.contains(d.group())) {
        throw new InventoryException(
            "group", "device '" + d.id() + "': unknown group '" + d.group() + "'");
      }
      if (d.vendor() != null && !knownVendors.isEmpty() && !knownVendors.contains(d.vendor())) {
        throw new InventoryException(
            "vendor",
            "device '" + d.id() + "': unknown vendor '" + d.vendor() + "', known: " + knownVendors);
      }
      if (d.fixedIp() != null && !Ipv4.isAddress(d.fixedIp())) {
        throw new InventoryException(
            "fixed_ip", "device '" + d.id() + "': not an IPv4 address: '" + d.fixedIp() + "'");
      }
    }
    unique(
        devices,
        "serial",
        d -> d.serial() == null ? null : d.serial().trim().toUpperCase(Locale.ROOT));
    unique(devices, "mac", Device::mac);
    unique(devices, "client_id", Device::clientId);
    unique(devices, "fixed_ip", Device::fixedIp);
  }

  private static void unique(
      Collection<Device> devices, String field, Function<Device, String> key) {
    Map<String, String> seen = new HashMap<>();
    for (Device d : devices) {
      String k = key.apply(d);
      if (k == null || k.isBlank()) continue;
      String other = seen.putIfAbsent(k, d.id());
      if (other != null) {
        throw new InventoryException(
            field, field + " '" + k + "' is claimed by both '" + other + "' and '" + d.id() + "'");
      }
    }
  }

  void requireValidSite(Site s) {
    requireValidName("name", s.name());
    Ipv4.Cidr cidr = null;
    if (s.subnet() != null) cidr = parse("subnet", () -> Ipv4.Cidr.parse(s.subnet()));
    for (String r : s.relays()) address("relays", r);
    for (String r : concat(s.dns(), s.ntp(), s.syslog())) address("servers", r);
    if (s.router() != null) address("router", s.router());
    for (String p : s.pools()) {
      int[] range = range("pools", p);
      if (cidr != null && !(cidr.contains(range[0]) && cidr.contains(range[1]))) {
        throw new InventoryException(
            "pools", "site '" + s.name() + "': pool " + p + " is outside " + s.subnet());
      }
    }
    for (String x : s.exclusions()) range("exclusions", x.contains("-") ? x : x + "-" + x);
    if (s.leaseSeconds() < 0)
      throw new InventoryException("lease_seconds", "lease time must not be negative");
  }

  static int[] range(String field, String text) {
    String[] parts = text.split("-", 2);
    if (parts.length != 2) {
      throw new InventoryException(field, "'" + text + "' is not a range 'first-last'");
    }
    int a = address(field, parts[0].trim());
    int b = address(field, parts[1].trim());
    if (Integer.compareUnsigned(a, b) > 0) {
      throw new InventoryException(field, "range '" + text + "' ends before it starts");
    }
    return new int[] {a, b};
  }

  private static int address(String field, String text) {
    return parse(field, () -> Ipv4.parse(text));
  }

  private static <T> T parse(String field, java.util.function.Supplier<T> p) {
    try {
      return p.get();
    } catch (IllegalArgumentException e) {
      throw new InventoryException(field, e.getMessage());
    }
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
