package io.ztpd.core.inventory.io;

import io.ztpd.core.model.Mac;
import io.ztpd.core.template.TemplateDirectory;
import io.ztpd.core.template.VariableLayers;
import java.util.List;
import java.util.regex.Pattern;

/** Value checks shared by the YAML and CSV readers. Each returns an error message or null. */
final class Fields {
  private Fields() {}

  /** Device fields in CSV column order; YAML device keys are these plus {@code variables}. */
  static final List<String> DEVICE_FIELDS =
      List.of(
          "id",
          "hostname",
          "serial",
          "mac",
          "vendor",
          "model",
          "client_id",
          "circuit_id",
          "remote_id",
          "site",
          "group",
          "template",
          "final_template",
          "target_image",
          "fixed_ip");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern VENDOR = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  static String id(String v) {
    return ID.matcher(v).matches()
        ? null
        : "not an id: '" + v + "' (letters, digits, '.', '_', '-'; at most 128)";
  }

  static String hostname(String v) {
    if (v.length() > 253) return "hostname longer than 253 characters";
    for (String label : v.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) return "not a hostname: '" + v + "'";
    }
    return null;
  }

  static String mac(String v) {
    return Mac.isMac(v) ? null : "not a MAC address: '" + v + "'";
  }

  static String vendor(String v) {
    return VENDOR.matcher(v).matches()
        ? null
        : "not a vendor profile id: '" + v + "' (e.g. juniper, cisco-iosxe, arista)";
  }

  static String template(String v) {
    return TemplateDirectory.isValidName(v) ? null : "not a template name: '" + v + "'";
  }

  static String ipv4(String v) {
    return parseIpv4(v) >= 0 ? null : "not an IPv4 address: '" + v + "'";
  }

  static String text(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (Character.isISOControl(v.charAt(i))) return "control character in '" + v + "'";
    }
    return null;
  }

  /** A variable name a template can use: {@code ntp_server}, not {@code ntp-server}. */
  static String variableName(String v) {
    if (!VARIABLE.matcher(v).matches()) {
      return "not a variable name: '" + v + "' (letters, digits, '_'; not starting with a digit)";
    }
    if (VariableLayers.FACT_NAMES.contains(v)) {
      return "'" + v + "' is a fact name; a variable of that name would be hidden by the fact";
    }
    return null;
  }

  /** Checks a device field value by field name. */
  static String deviceField(String field, String v) {
    return switch (field) {
      case "id" -> id(v);
      case "hostname" -> hostname(v);
      case "mac" -> mac(v);
      case "vendor" -> vendor(v);
      case "template", "final_template" -> template(v);
      case "fixed_ip" -> ipv4(v);
      case "site", "group" -> id(v);
      default -> text(v);
    };
  }

  /** The address as an unsigned 32-bit value, or -1. Parsed by hand: no DNS lookups. */
  static long parseIpv4(String v) {
    String[] parts = v.split("\\.", -1);
    if (parts.length != 4) return -1;
    long out = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) return -1;
      if (p.length() > 1 && p.charAt(0) == '0') return -1;
      int octet = Integer.parseInt(p);
      if (octet > 255) return -1;
      out = out << 8 | octet;
    }
    return out;
  }

  /** {@code 192.0.2.0/24} → {network, prefix}; null when not a CIDR network. */
  static long[] parseCidr(String v) {
    int slash = v.indexOf('/');
    if (slash < 0) return null;
    long ip = parseIpv4(v.substring(0, slash));
    String len = v.substring(slash + 1);
    if (ip < 0 || len.isEmpty() || len.length() > 2 || !len.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int prefix = Integer.parseInt(len);
    if (prefix > 32) return null;
    return new long[] {ip, prefix};
  }

  static boolean inSubnet(long ip, long[] cidr) {
    long mask = cidr[1] == 0 ? 0 : (0xFFFFFFFFL << (32 - cidr[1])) & 0xFFFFFFFFL;
    return (ip & mask) == (cidr[0] & mask);
  }

  static String formatIpv4(long ip) {
    return (ip >> 24) + "." + ((ip >> 16) & 255) + "." + ((ip >> 8) & 255) + "." + (ip & 255);
  }
}
