package io.ztpd.vendors;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Site;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Profile settings read from template variables: the device's win over the site's. Profiles name
 * the variables they read in their javadoc.
 */
public final class Vars {
  private Vars() {}

  /** The variable as text, or null when neither the device nor the site sets it. */
  public static String text(Device device, Site site, String name) {
    Object v = raw(device, site, name);
    if (v == null) return null;
    String s = v.toString().trim();
    return s.isEmpty() ? null : s;
  }

  public static String text(Device device, Site site, String name, String fallback) {
    String s = text(device, site, name);
    return s != null ? s : fallback;
  }

  /** true for {@code true}, {@code yes}, {@code on}, {@code 1}. */
  public static boolean flag(Device device, Site site, String name) {
    String s = text(device, site, name);
    return s != null && List.of("true", "yes", "on", "1").contains(s.toLowerCase());
  }

  /** A list variable: a YAML list, or one comma-separated string. Empty when unset. */
  public static List<String> list(Device device, Site site, String name) {
    Object v = raw(device, site, name);
    List<String> out = new ArrayList<>();
    if (v instanceof Collection<?> c) {
      for (Object o : c) if (o != null && !o.toString().isBlank()) out.add(o.toString().trim());
    } else if (v != null) {
      for (String s : v.toString().split(",")) if (!s.isBlank()) out.add(s.trim());
    }
    return out;
  }

  private static Object raw(Device device, Site site, String name) {
    if (device != null && device.variables().get(name) != null) return device.variables().get(name);
    return site == null ? null : site.variables().get(name);
  }
}
