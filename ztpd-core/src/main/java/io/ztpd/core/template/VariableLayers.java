package io.ztpd.core.template;

import io.ztpd.core.lease.Lease;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Site;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables a device's template sees.
 *
 * <p>Operator variables are merged global → site → group → device: a later layer wins, and nested
 * maps are merged key by key (so a device can override {@code snmp.community} and keep {@code
 * snmp.location} from its site). Lists are replaced, not concatenated.
 *
 * <p>On top come the <b>facts</b>, which always win over a variable of the same name (a fact is
 * what ztpd knows to be true; a variable named {@code ip} cannot fake the leased address):
 *
 * <ul>
 *   <li>{@code device}: {@code id, hostname, serial, mac, vendor, model}
 *   <li>{@code ip}: leased address, else the device's fixed address; {@code mac}, {@code serial},
 *       {@code hostname}: the device's
 *   <li>{@code site}: {@code name, subnet, prefix_length, netmask, router, dns, domain, ntp,
 *       syslog} (lists for dns, ntp, syslog)
 *   <li>{@code group}: {@code name, approval_required}
 *   <li>{@code lease}: {@code ip, expires} (ISO-8601 instant)
 *   <li>{@code server}: {@code ip, http} (HTTP base URL, e.g. {@code http://192.0.2.1:8080})
 *   <li>{@code account}: {@code username, password} of the generated local account
 * </ul>
 *
 * A fact that is not known (no lease yet, no site) is absent, so a template using it fails with
 * "undefined variable" instead of rendering an empty address.
 */
public final class VariableLayers {
  /** The top-level names reserved for facts. */
  public static final Set<String> FACT_NAMES =
      Set.of(
          "image",
          "device",
          "ip",
          "mac",
          "serial",
          "hostname",
          "site",
          "group",
          "lease",
          "server",
          "account");

  private VariableLayers() {}

  /**
   * What ztpd knows about the device beyond the inventory. Any field may be null.
   *
   * @param lease the device's current lease
   * @param serverIp the address the device reaches ztpd at
   * @param httpBaseUrl ztpd's HTTP base URL as the device should use it
   * @param accountUsername the generated local account's user name
   * @param accountPassword the generated local account's password
   */
  public record Facts(
      Lease lease,
      String serverIp,
      String httpBaseUrl,
      String accountUsername,
      String accountPassword) {
    public static final Facts NONE = new Facts(null, null, null, null, null);
  }

  /**
   * All variables for one device: merged layers plus facts.
   *
   * @param global global variables (from the configuration), may be null
   * @param site the device's site, may be null
   * @param group the device's group, may be null
   * @param device the device
   * @param facts what else is known
   */
  public static Map<String, Object> forDevice(
      Map<String, ?> global, Site site, Group group, Device device, Facts facts) {
    List<Map<String, ?>> layers = new ArrayList<>(4);
    if (global != null) layers.add(global);
    if (site != null) layers.add(site.variables());
    if (group != null) layers.add(group.variables());
    layers.add(device.variables());
    Map<String, Object> vars = merge(layers);

    Map<String, Object> deviceFacts = new LinkedHashMap<>();
    put(deviceFacts, "id", device.id());
    put(deviceFacts, "hostname", device.hostname());
    put(deviceFacts, "serial", device.serial());
    put(deviceFacts, "mac", device.mac());
    put(deviceFacts, "vendor", device.vendor());
    put(deviceFacts, "model", device.model());
    vars.put("device", Collections.unmodifiableMap(deviceFacts));

    Facts f = facts == null ? Facts.NONE : facts;
    String ip = f.lease() != null ? f.lease().ip() : device.fixedIp();
    putOrRemove(vars, "ip", ip);
    putOrRemove(vars, "mac", device.mac());
    putOrRemove(vars, "serial", device.serial());
    putOrRemove(vars, "hostname", device.hostname());
    putOrRemove(vars, "site", site == null ? null : siteFacts(site));
    putOrRemove(vars, "group", group == null ? null : groupFacts(group));
    putOrRemove(vars, "lease", f.lease() == null ? null : leaseFacts(f.lease()));
    Map<String, Object> server = new LinkedHashMap<>();
    put(server, "ip", f.serverIp());
    put(server, "http", f.httpBaseUrl());
    putOrRemove(vars, "server", server.isEmpty() ? null : Collections.unmodifiableMap(server));
    Map<String, Object> account = new LinkedHashMap<>();
    put(account, "username", f.accountUsername());
    put(account, "password", f.accountPassword());
    putOrRemove(vars, "account", account.isEmpty() ? null : Collections.unmodifiableMap(account));
    return vars;
  }

  /** Merges layers, later winning; nested maps merged deeply. The result is a fresh mutable map. */
  public static Map<String, Object> merge(List<? extends Map<String, ?>> layers) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map<String, ?> layer : layers) mergeInto(out, layer);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void mergeInto(Map<String, Object> target, Map<String, ?> layer) {
    for (Map.Entry<String, ?> e : layer.entrySet()) {
      Object incoming = e.getValue();
      Object existing = target.get(e.getKey());
      if (incoming instanceof Map<?, ?> inMap && existing instanceof Map<?, ?> exMap) {
        Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) exMap);
        mergeInto(merged, (Map<String, ?>) inMap);
        target.put(e.getKey(), merged);
      } else if (incoming instanceof Map<?, ?> inMap) {
        Map<String, Object> copy = new LinkedHashMap<>();
        mergeInto(copy, (Map<String, ?>) inMap);
        target.put(e.getKey(), copy);
      } else {
        target.put(e.getKey(), incoming);
      }
    }
  }

  private static Map<String, Object> siteFacts(Site site) {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "name", site.name());
    put(m, "subnet", site.subnet());
    if (site.subnet() != null && site.subnet().contains("/")) {
      try {
        int prefix = Integer.parseInt(site.subnet().substring(site.subnet().indexOf('/') + 1));
        if (prefix >= 0 && prefix <= 32) {
          m.put("prefix_length", prefix);
          m.put("netmask", netmask(prefix));
        }
      } catch (NumberFormatException ignored) {
        // a malformed subnet is the inventory validator's business; the facts just omit it
      }
    }
    put(m, "router", site.router());
    m.put("dns", site.dns());
    put(m, "domain", site.domain());
    m.put("ntp", site.ntp());
    m.put("syslog", site.syslog());
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, Object> groupFacts(Group group) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", group.name());
    m.put("approval_required", group.approvalRequired());
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, Object> leaseFacts(Lease lease) {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "ip", lease.ip());
    put(m, "expires", lease.expires() == null ? null : lease.expires().toString());
    return Collections.unmodifiableMap(m);
  }

  static String netmask(int prefix) {
    long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    return (mask >> 24)
        + "."
        + ((mask >> 16) & 255)
        + "."
        + ((mask >> 8) & 255)
        + "."
        + (mask & 255);
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) m.put(key, value);
  }

  /** A fact replaces a same-named variable; an unknown fact removes it (facts win, even absent). */
  private static void putOrRemove(Map<String, Object> m, String key, Object value) {
    if (value == null) m.remove(key);
    else m.put(key, value);
  }
}
