package io.ztpd.sim.persona;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Huawei's intermediate INI file (seed 000): {@code #sha256sum="<hex>"} over the rest, a {@code
 * [GLOBAL CONFIG]} section with {@code FILESERVER=}, then one section per device with {@code ESN=},
 * {@code MAC=}, {@code DEVICETYPE=}, {@code SYSTEM-SOFTWARE=}, {@code SYSTEM-CONFIG=}, {@code
 * SYSTEM-PAT=}.
 */
record HuaweiIni(
    String checksum, String body, Map<String, String> global, List<Map<String, String>> devices) {

  /** Splits off the checksum line (null when absent) and parses the sections. */
  static HuaweiIni parse(String text) {
    String checksum = null;
    String body = text;
    int nl = text.indexOf('\n');
    String first = (nl < 0 ? text : text.substring(0, nl)).trim();
    if (first.startsWith("#sha256sum=")) {
      checksum = first.substring("#sha256sum=".length()).replace("\"", "").trim();
      body = nl < 0 ? "" : text.substring(nl + 1);
    }
    Map<String, String> global = new LinkedHashMap<>();
    List<Map<String, String>> devices = new ArrayList<>();
    Map<String, String> current = null;
    // by hand, not String.split: a site's file lists every device of the site, so a storm reads
    // thousands of these, each hundreds of kilobytes
    int at = 0;
    while (at < body.length()) {
      int eol = body.indexOf('\n', at);
      if (eol < 0) eol = body.length();
      String line = body.substring(at, eol).trim();
      at = eol + 1;
      if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') continue;
      if (line.charAt(0) == '[' && line.endsWith("]")) {
        String name = line.substring(1, line.length() - 1).trim().toUpperCase(Locale.ROOT);
        if (name.startsWith("GLOBAL")) {
          current = global;
        } else {
          current = new LinkedHashMap<>();
          devices.add(current);
        }
        continue;
      }
      int eq = line.indexOf('=');
      if (eq > 0 && current != null) {
        current.put(
            line.substring(0, eq).trim().toUpperCase(Locale.ROOT), line.substring(eq + 1).trim());
      }
    }
    return new HuaweiIni(checksum, body, global, devices);
  }

  /** This device's section, by ESN (serial) or MAC, or null. */
  Map<String, String> find(String serial, String macHuawei, String macHex) {
    for (Map<String, String> d : devices) {
      String esn = d.get("ESN");
      String mac = d.get("MAC");
      if (esn != null && esn.equalsIgnoreCase(serial)) return d;
      if (mac != null) {
        String m = mac.replaceAll("[^0-9a-fA-F]", "");
        if (mac.equalsIgnoreCase(macHuawei) || m.equalsIgnoreCase(macHex)) return d;
      }
    }
    return null;
  }
}
