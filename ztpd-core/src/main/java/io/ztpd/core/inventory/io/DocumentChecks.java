package io.ztpd.core.inventory.io;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Mac;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Building devices from checked field text, and the checks that span rows (duplicates). */
final class DocumentChecks {
  private DocumentChecks() {}

  /** Builds a device from field text that {@link Fields#deviceField} already accepted. */
  static Device device(Map<String, String> f, Map<String, Object> variables) {
    String mac = f.get("mac");
    return new Device(
        f.get("id"),
        f.get("hostname"),
        f.get("serial"),
        mac == null ? null : Mac.normalize(mac),
        f.get("vendor"),
        f.get("model"),
        f.get("client_id"),
        f.get("circuit_id"),
        f.get("remote_id"),
        f.get("site"),
        f.get("group"),
        f.get("template"),
        f.get("final_template"),
        f.get("target_image"),
        f.get("fixed_ip"),
        variables);
  }

  /** A device's field value by CSV column / YAML key name. */
  static String field(Device d, String name) {
    return switch (name) {
      case "id" -> d.id();
      case "hostname" -> d.hostname();
      case "serial" -> d.serial();
      case "mac" -> d.mac();
      case "vendor" -> d.vendor();
      case "model" -> d.model();
      case "client_id" -> d.clientId();
      case "circuit_id" -> d.circuitId();
      case "remote_id" -> d.remoteId();
      case "site" -> d.site();
      case "group" -> d.group();
      case "template" -> d.template();
      case "final_template" -> d.finalTemplate();
      case "target_image" -> d.targetImage();
      case "fixed_ip" -> d.fixedIp();
      default -> throw new IllegalArgumentException("no device field " + name);
    };
  }

  /**
   * Reports every value of {@code key} that appears twice, at the second one's line.
   *
   * @param lines the line of each item
   * @param keyLabel how to name the key of item i in the error
   */
  static <T> void unique(
      List<T> items,
      List<Integer> lines,
      String what,
      Function<T, String> key,
      Function<Integer, String> keyLabel,
      Problems problems) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String k = key.apply(items.get(i));
      if (k == null) continue;
      Integer prev = first.putIfAbsent(k, i);
      if (prev != null) {
        problems.add(
            lines.get(i),
            keyLabel.apply(i),
            "duplicate " + what + " '" + k + "' (first at line " + lines.get(prev) + ")");
      }
    }
  }

  /** Duplicate device ids, MACs and serials. */
  static void uniqueDevices(
      List<Device> devices,
      List<Integer> lines,
      Function<String, Function<Integer, String>> label,
      Problems problems) {
    unique(devices, lines, "device id", Device::id, label.apply("id"), problems);
    unique(devices, lines, "MAC", Device::mac, label.apply("mac"), problems);
    unique(devices, lines, "serial", Device::serial, label.apply("serial"), problems);
  }
}
