package io.ztpd.core.inventory;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import java.util.Locale;
import java.util.Map;

/** Builds the inventory entry for an adopted device from the keys it presented. */
final class DeviceFromIdentity {
  private DeviceFromIdentity() {}

  static Device build(String hostname, Identity id, String site, String group, String template) {
    String deviceId = slug(hostname);
    return new Device(
        deviceId,
        hostname,
        id.serial(),
        id.mac(),
        id.vendor(),
        id.model(),
        id.clientId(),
        id.circuitId(),
        id.remoteId(),
        site,
        group,
        template,
        null,
        null,
        null,
        Map.of());
  }

  static String defaultHostname(Identity id) {
    return hostname(null, id);
  }

  /** Expands {@code {vendor}}, {@code {serial}}, {@code {mac}} in a hostname pattern. */
  static String hostname(String pattern, Identity id) {
    String p = pattern == null || pattern.isBlank() ? "{vendor}-{serial}" : pattern;
    String mac = id.mac() != null ? id.mac().replace(":", "") : "";
    String serial = id.serial() != null ? id.serial() : !mac.isEmpty() ? mac : "unknown";
    return slug(
        p.replace("{vendor}", id.vendor() != null ? id.vendor() : "device")
            .replace("{serial}", serial)
            .replace("{mac}", mac));
  }

  static String slug(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    s = s.replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "device" : s;
  }
}
