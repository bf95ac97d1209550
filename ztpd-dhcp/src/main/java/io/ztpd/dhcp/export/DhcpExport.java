package io.ztpd.dhcp.export;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Site;
import io.ztpd.core.util.Ipv4;
import io.ztpd.core.vendor.DhcpReplyOptions;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * For a site that keeps its own DHCP server: writes what ztpd's built-in server would answer as Kea
 * JSON, ISC dhcpd.conf or dnsmasq configuration — subnets and pools (exclusions cut out) with
 * router, DNS, domain, NTP and syslog; one client class per vendor profile with the options that
 * profile sends an unknown device (site variables are not applied at class level); and a
 * reservation per device with a MAC (fixed address, hostname and the options its profile sends it,
 * site and device variables applied). Vendor options are written as raw hex so the bytes are
 * exactly ztpd's. A pure function of its inputs; {@code ztpd export dhcp --format kea|isc|dnsmasq}
 * prints it.
 *
 * <p>Limits: RFC 8572 SZTP has no vendor signal to match on (it is sent per device only); dnsmasq's
 * {@code dhcp-match} on options 61 / 77 compares whole values, not prefixes.
 */
public final class DhcpExport {
  public enum Format {
    KEA,
    ISC,
    DNSMASQ
  }

  /** Everything the export needs, computed once. */
  record Plan(
      List<Site> sites,
      Map<String, Map<Integer, byte[]>> classOptions, // profile → options (site-independent)
      List<Device> devices,
      Map<String, Map<Integer, byte[]>> deviceOptions) {}

  private DhcpExport() {}

  public static String export(
      Format format,
      List<Site> sites,
      List<Device> devices,
      List<VendorProfile> profiles,
      ServerContext ctx) {
    Map<String, Map<Integer, byte[]>> classOptions = new LinkedHashMap<>();
    for (VendorProfile p : profiles) {
      if (!VendorMatch.BY_PROFILE.containsKey(p.id())) continue;
      DhcpReplyOptions o = new DhcpReplyOptions();
      p.addDhcpOptions(null, null, new NoRequest("00:00:00:00:00:00"), ctx, o);
      classOptions.put(p.id(), new LinkedHashMap<>(o.asMap()));
    }
    Map<String, Map<Integer, byte[]>> deviceOptions = new LinkedHashMap<>();
    List<Device> reserved = new ArrayList<>();
    for (Device d : devices) {
      if (d.mac() == null) continue;
      reserved.add(d);
      Site site = sites.stream().filter(s -> s.name().equals(d.site())).findFirst().orElse(null);
      DhcpReplyOptions o = new DhcpReplyOptions();
      profiles.stream()
          .filter(p -> p.id().equals(d.vendor()))
          .findFirst()
          .ifPresent(p -> p.addDhcpOptions(d, site, new NoRequest(d.mac()), ctx, o));
      deviceOptions.put(d.id(), new LinkedHashMap<>(o.asMap()));
    }
    Plan plan = new Plan(List.copyOf(sites), classOptions, reserved, deviceOptions);
    return switch (format) {
      case KEA -> KeaExport.write(plan);
      case ISC -> IscExport.write(plan);
      case DNSMASQ -> DnsmasqExport.write(plan);
    };
  }

  public static Format format(String name) {
    try {
      return Format.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown DHCP export format '" + name + "' (kea, isc, dnsmasq)");
    }
  }

  /** Pool ranges of a site with its exclusions cut out, as {@code [first, last]} pairs. */
  static List<long[]> pools(Site site) {
    List<long[]> out = new ArrayList<>();
    List<long[]> excl = new ArrayList<>();
    for (String e : site.exclusions()) excl.add(range(e));
    for (String p : site.pools()) {
      List<long[]> pieces = new ArrayList<>(List.of(range(p)));
      for (long[] x : excl) {
        List<long[]> next = new ArrayList<>();
        for (long[] r : pieces) {
          if (x[1] < r[0] || x[0] > r[1]) {
            next.add(r);
            continue;
          }
          if (x[0] > r[0]) next.add(new long[] {r[0], x[0] - 1});
          if (x[1] < r[1]) next.add(new long[] {x[1] + 1, r[1]});
        }
        pieces = next;
      }
      out.addAll(pieces);
    }
    return out;
  }

  private static long[] range(String r) {
    String[] parts = r.trim().split("\\s*-\\s*");
    long a = Ipv4.parse(parts[0]) & 0xffffffffL;
    return new long[] {a, parts.length > 1 ? Ipv4.parse(parts[1]) & 0xffffffffL : a};
  }

  static String ip(long a) {
    return Ipv4.format((int) a);
  }

  static String netmask(Site s) {
    String[] c = s.subnet().split("/");
    return Ipv4.format(Ipv4.mask(c.length > 1 ? Integer.parseInt(c[1]) : 32));
  }

  static String hex(byte[] b, String delimiter) {
    return HexFormat.ofDelimiter(delimiter).formatHex(b);
  }
}
