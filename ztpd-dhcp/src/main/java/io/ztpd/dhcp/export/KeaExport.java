package io.ztpd.dhcp.export;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Site;
import io.ztpd.core.util.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Kea DHCPv4 JSON ({@code Dhcp4} object, memfile leases). */
final class KeaExport {
  private KeaExport() {}

  static String write(DhcpExport.Plan plan) {
    StringBuilder b = new StringBuilder();
    b.append("{\n  \"Dhcp4\": {\n");
    b.append("    \"lease-database\": { \"type\": \"memfile\", \"persist\": true },\n");
    b.append("    \"client-classes\": [");
    List<String> classes = new ArrayList<>();
    for (var e : plan.classOptions().entrySet()) {
      VendorMatch m = VendorMatch.BY_PROFILE.get(e.getKey());
      String test =
          m.option() == 77
              ? "substring(option[77].text,0,all) == '" + m.prefix() + "'"
              : "substring(option["
                  + m.option()
                  + "].text,0,"
                  + m.prefix().length()
                  + ") == '"
                  + m.prefix()
                  + "'";
      classes.add(
          "\n      { \"name\": "
              + q("ztpd-" + e.getKey())
              + ", \"test\": "
              + q(test)
              + ", \"option-data\": "
              + options(e.getValue(), "        ")
              + " }");
    }
    b.append(String.join(",", classes)).append("\n    ],\n");
    b.append("    \"subnet4\": [");
    List<String> subnets = new ArrayList<>();
    int id = 1;
    for (Site s : plan.sites()) {
      StringBuilder sb = new StringBuilder();
      sb.append("\n      {\n        \"id\": ")
          .append(id++)
          .append(",\n        \"subnet\": ")
          .append(q(s.subnet()))
          .append(",\n");
      if (s.leaseSeconds() > 0)
        sb.append("        \"valid-lifetime\": ").append(s.leaseSeconds()).append(",\n");
      if (!s.relays().isEmpty()) {
        sb.append("        \"relay\": { \"ip-addresses\": [")
            .append(String.join(", ", s.relays().stream().map(KeaExport::q).toList()))
            .append("] },\n");
      }
      List<String> pools =
          DhcpExport.pools(s).stream()
              .map(
                  r -> "{ \"pool\": " + q(DhcpExport.ip(r[0]) + " - " + DhcpExport.ip(r[1])) + " }")
              .toList();
      sb.append("        \"pools\": [ ").append(String.join(", ", pools)).append(" ],\n");
      List<String> opts = new ArrayList<>();
      if (s.router() != null) opts.add(named("routers", s.router()));
      if (!s.dns().isEmpty()) opts.add(named("domain-name-servers", String.join(", ", s.dns())));
      if (s.domain() != null) opts.add(named("domain-name", s.domain()));
      if (!s.ntp().isEmpty()) opts.add(named("ntp-servers", String.join(", ", s.ntp())));
      if (!s.syslog().isEmpty()) opts.add(named("log-servers", String.join(", ", s.syslog())));
      sb.append("        \"option-data\": [")
          .append(String.join(",", opts.stream().map(o -> "\n          " + o).toList()))
          .append(opts.isEmpty() ? "" : "\n        ")
          .append("],\n");
      List<String> res = new ArrayList<>();
      for (Device d : plan.devices()) {
        if (!s.name().equals(d.site())) continue;
        StringBuilder r = new StringBuilder("\n          { \"hw-address\": " + q(d.mac()));
        if (d.fixedIp() != null) r.append(", \"ip-address\": ").append(q(d.fixedIp()));
        if (d.hostname() != null) r.append(", \"hostname\": ").append(q(d.hostname()));
        r.append(", \"option-data\": ")
            .append(options(plan.deviceOptions().get(d.id()), "            "))
            .append(" }");
        res.add(r.toString());
      }
      sb.append("        \"reservations\": [")
          .append(String.join(",", res))
          .append(res.isEmpty() ? "" : "\n        ")
          .append("]\n      }");
      subnets.add(sb.toString());
    }
    b.append(String.join(",", subnets)).append("\n    ]\n  }\n}\n");
    return b.toString();
  }

  private static String options(Map<Integer, byte[]> o, String indent) {
    if (o == null || o.isEmpty()) return "[]";
    List<String> items = new ArrayList<>();
    for (var e : o.entrySet()) {
      items.add(
          "\n"
              + indent
              + "{ \"code\": "
              + e.getKey()
              + ", \"csv-format\": false, \"always-send\": true, \"data\": "
              + q(DhcpExport.hex(e.getValue(), ""))
              + " }");
    }
    return "[" + String.join(",", items) + "\n" + indent.substring(2) + "]";
  }

  private static String named(String name, String data) {
    return "{ \"name\": " + q(name) + ", \"data\": " + q(data) + " }";
  }

  static String q(String s) {
    return JsonText.quote(s);
  }
}
