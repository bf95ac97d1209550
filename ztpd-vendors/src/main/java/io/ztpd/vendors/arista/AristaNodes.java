package io.ztpd.vendors.arista;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.inventory.DeviceDirectory.UnknownDecision;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.provisioning.DeviceArtifacts;
import io.ztpd.core.provisioning.Resolution;
import io.ztpd.core.vendor.VendorContext;
import io.ztpd.core.vendor.VendorRequest;
import io.ztpd.core.vendor.VendorResponse;
import io.ztpd.vendors.TargetImage;
import io.ztpd.vendors.Urls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZTPServer's {@code /nodes}: a switch posts its facts, is matched to a planned device (by serial
 * or system MAC, else by its LLDP neighbours, see {@link LldpPosition}), and is sent to {@code
 * /nodes/<device id>} for its definition: {@code install_image} when the device has a target image,
 * then {@code replace_config} with its rendered configuration from {@code
 * /nodes/<id>/startup-config}.
 *
 * <p>{@code POST /nodes} answers 201 the first time a device registers in this ztpd's run and 409
 * afterwards (ZTPServer: the node already exists), both with {@code Location}; 400 when no planned
 * switch matches (the switch is queued for adoption) or the facts are unusable.
 */
final class AristaNodes {
  static final String SOURCE = "arista";
  private static final Logger log = LoggerFactory.getLogger(AristaNodes.class);

  private final VendorContext ctx;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private final Set<String> badPositions = ConcurrentHashMap.newKeySet();
  final AtomicLong posted = new AtomicLong();
  final AtomicLong malformed = new AtomicLong();
  final AtomicLong unmatched = new AtomicLong();

  AristaNodes(VendorContext ctx) {
    this.ctx = ctx;
  }

  private record Match(Device device, String by) {}

  VendorResponse register(VendorRequest req) {
    posted.incrementAndGet();
    NodeFacts facts;
    try {
      facts = NodeFacts.parse(req.body());
    } catch (NodeFacts.MalformedNode e) {
      malformed.incrementAndGet();
      return AristaHttp.html(400, "POST /nodes refused: " + e.getMessage());
    }
    Identity id =
        new Identity(
            facts.systemMac(),
            facts.serialNumber(),
            null,
            null,
            facts.model(),
            SOURCE,
            null,
            null,
            null,
            req.remoteIp());
    Match m;
    Optional<Device> byKeys = ctx.directory().match(id);
    if (byKeys.isPresent()) {
      Device d = byKeys.get();
      boolean bySerial =
          d.serial() != null && d.serial().equalsIgnoreCase(String.valueOf(facts.serialNumber()));
      m = new Match(d, bySerial ? "serial" : "systemmac");
    } else {
      List<Device> byPosition = byPosition(facts);
      if (byPosition.size() > 1) {
        unmatched.incrementAndGet();
        return AristaHttp.html(
            400,
            "node "
                + id.label()
                + " matches several planned switches by LLDP neighbours: "
                + byPosition.stream().map(Device::id).toList());
      }
      if (byPosition.size() == 1) {
        m = new Match(byPosition.get(0), "lldp");
      } else {
        switch (ctx.directory().unknown(id, SOURCE)) {
          case UnknownDecision.Adopted a -> m = new Match(a.device(), "auto-adopt");
          case UnknownDecision.Hold h -> {
            unmatched.incrementAndGet();
            return AristaHttp.html(
                400,
                "no planned switch has serial "
                    + facts.serialNumber()
                    + ", systemmac "
                    + facts.systemMac()
                    + " or these LLDP neighbours: queued for adoption as "
                    + h.pendingId());
          }
          case UnknownDecision.Ignore i -> {
            unmatched.incrementAndGet();
            return AristaHttp.html(400, "node " + id.label() + " is not served: " + i.reason());
          }
        }
      }
    }
    Device d = m.device();
    boolean first = registered.add(d.id());
    Map<String, String> data = new LinkedHashMap<>();
    put(data, "serial", facts.serialNumber());
    put(data, "systemmac", facts.systemMac());
    put(data, "model", facts.model());
    put(data, "version", facts.version());
    data.put("matched_by", m.by());
    data.put("neighbors", Integer.toString(facts.neighbors().size()));
    data.put("ip", req.remoteIp());
    record(
        d,
        EventKind.DEVICE_REPORT,
        "registered as a ZTPServer node (matched by " + m.by() + ")",
        data);
    String location = "/nodes/" + Urls.segment(d.id());
    return AristaHttp.html(first ? 201 : 409, location).withHeader("Location", location);
  }

  /** Planned switches whose declared {@code lldp_neighbors} are all among the reported ones. */
  private List<Device> byPosition(NodeFacts facts) {
    if (facts.neighbors().isEmpty()) return List.of();
    List<Device> out = new ArrayList<>();
    for (Device d : ctx.directory().devices()) {
      if (d.vendor() != null && !d.vendor().equals(SOURCE)) continue;
      LldpPosition p;
      try {
        p = LldpPosition.of(d);
      } catch (IllegalArgumentException e) {
        if (badPositions.add(d.id())) log.warn("{} (ignored for LLDP matching)", e.getMessage());
        continue;
      }
      if (p.matches(facts.neighbors())) out.add(d);
    }
    return out;
  }

  /** {@code /nodes/<id>} and {@code /nodes/<id>/startup-config}. */
  VendorResponse node(VendorRequest req, String rest) {
    int slash = rest.indexOf('/');
    String key = slash < 0 ? rest : rest.substring(0, slash);
    String sub = slash < 0 ? "" : rest.substring(slash + 1);
    if (!sub.isEmpty() && !sub.equals("startup-config")) {
      return AristaHttp.html(404, "no node resource '" + sub + "' (ztpd serves startup-config)");
    }
    if (!req.isRead()) {
      return AristaHttp.html(405, req.method() + " " + req.path() + " is not supported by ztpd")
          .withHeader("Allow", "GET");
    }
    Optional<Device> device = find(key);
    if (device.isEmpty()) return AristaHttp.html(400, "no node '" + key + "' on this server");
    return sub.isEmpty() ? definition(req, device.get()) : startupConfig(req, device.get());
  }

  Optional<Device> find(String key) {
    return ctx.directory().byKey(key);
  }

  private VendorResponse definition(VendorRequest req, Device d) {
    String base = req.baseUrl(ctx.server());
    List<Map<String, Object>> actions = new ArrayList<>();
    switch (TargetImage.of(d, ctx.directory(), ctx.images())) {
      case TargetImage.Missing miss -> {
        return failed(
            d, req, "target image '" + miss.wanted() + "' is not in the image repository");
      }
      case TargetImage.Found f ->
          actions.add(
              action(
                  "install image",
                  "install_image",
                  Map.of(
                      "url",
                      base + "/files/images/" + Urls.segment(f.image().name()),
                      "version",
                      String.valueOf(f.image().version())),
                  "installing " + f.image().name()));
      case TargetImage.None none -> {
        // no image change: only the configuration
      }
    }
    if (ctx.artifacts().config(d) instanceof DeviceArtifacts.Made.Error e) {
      return failed(d, req, "cannot make its configuration: " + e.reason());
    }
    actions.add(
        action(
            "install startup-config",
            "replace_config",
            Map.of("url", base + "/nodes/" + Urls.segment(d.id()) + "/startup-config"),
            "installing the startup-config from ztpd"));
    Map<String, Object> def = new LinkedHashMap<>();
    def.put("name", "ztpd " + d.id());
    def.put("actions", actions);
    Map<String, String> data = new LinkedHashMap<>();
    data.put(
        "actions", String.join(",", actions.stream().map(a -> (String) a.get("action")).toList()));
    data.put("ip", req.remoteIp());
    record(d, EventKind.DEVICE_REPORT, "ZTPServer definition sent: " + data.get("actions"), data);
    return AristaHttp.json(def);
  }

  private static Map<String, Object> action(
      String name, String action, Map<String, String> attributes, String onstart) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", name);
    a.put("action", action);
    a.put("always_execute", true);
    a.put("attributes", new java.util.TreeMap<>(attributes));
    a.put("onstart", onstart);
    a.put("onsuccess", name + ": done");
    a.put("onfailure", name + ": failed");
    return a;
  }

  private VendorResponse startupConfig(VendorRequest req, Device d) {
    var fetch = AristaHttp.fetch(req, "config/" + d.id());
    Resolution r = ctx.resolver().resolve(fetch);
    if (r instanceof Resolution.Found f) {
      return VendorResponse.deliver(fetch, AristaHttp.typed(f, AristaHttp.PLAIN));
    }
    return AristaHttp.html(400, "no startup-config for node " + d.id() + ": " + reason(r));
  }

  private VendorResponse failed(Device d, VendorRequest req, String reason) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("reason", reason);
    data.put("step", "definition");
    data.put("ip", req.remoteIp());
    record(d, EventKind.DEVICE_FAILED, reason, data);
    return AristaHttp.html(400, "no definition for node " + d.id() + ": " + reason);
  }

  private void record(Device d, EventKind kind, String detail, Map<String, String> data) {
    ctx.timeline().record(Event.of(d.id(), kind, SOURCE, detail, data)).join();
  }

  static String reason(Resolution r) {
    return switch (r) {
      case Resolution.NotFound n -> n.reason();
      case Resolution.Denied x -> x.reason();
      case Resolution.Failed f -> f.reason();
      case Resolution.Found f -> "found";
    };
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) m.put(k, v);
  }
}
