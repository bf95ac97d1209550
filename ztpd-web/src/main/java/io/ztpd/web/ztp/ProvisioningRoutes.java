package io.ztpd.web.ztp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.model.Device;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Protocol;
import io.ztpd.core.provisioning.Resolution;
import io.ztpd.web.WebContext;
import io.ztpd.web.api.ApiError;
import io.ztpd.web.api.ApiException;
import io.ztpd.web.api.ErrorHandlers;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What devices fetch over HTTP: everything under {@code /ztp/} goes to the resolver (config, files,
 * images, vendor artifacts), and {@code POST /ztp/report} takes their progress reports.
 */
public final class ProvisioningRoutes {
  /** Request headers devices use to say who they are (SONiC, our own scripts). */
  private static final List<String> IDENTITY_HEADERS =
      List.of(
          "serial-number",
          "product-name",
          "base-mac-address",
          "sonic-version",
          "x-ztp-serial",
          "x-ztp-mac",
          "x-ztp-model");

  private final WebContext ctx;
  private final ObjectMapper json;
  private final Protocol protocol;

  public ProvisioningRoutes(WebContext ctx, ObjectMapper json, Protocol protocol) {
    this.ctx = ctx;
    this.json = json;
    this.protocol = protocol;
  }

  public void register(Javalin app) {
    app.post("/ztp/report", this::report);
    app.get("/ztp/*", c -> fetch(c, false));
    app.head("/ztp/*", c -> fetch(c, true));
  }

  private void fetch(Context c, boolean head) throws IOException {
    String path = PathDecoder.decode(c.path());
    FetchRequest req = new FetchRequest(protocolOf(c), c.ip(), path, hints(c));
    Resolution r = ctx.resolver().resolve(req);
    switch (r) {
      case Resolution.Found f -> send(c, req, f, head);
      case Resolution.NotFound n ->
          ErrorHandlers.send(c, 404, new ApiError("not found", n.reason(), null));
      case Resolution.Denied d ->
          ErrorHandlers.send(c, 403, new ApiError("forbidden", d.reason(), null));
      case Resolution.Failed f ->
          ErrorHandlers.send(c, 500, new ApiError("cannot make artifact", f.reason(), null));
    }
  }

  private Protocol protocolOf(Context c) {
    return "https".equals(c.scheme()) ? Protocol.HTTPS : protocol;
  }

  private void send(Context c, FetchRequest req, Resolution.Found f, boolean head)
      throws IOException {
    ArtifactDelivery.send(c, ctx.resolver(), req, f, head);
  }

  private static Map<String, String> hints(Context c) {
    Map<String, String> h = new HashMap<>();
    for (String name : IDENTITY_HEADERS) {
      String v = c.header(name);
      if (v != null && !v.isBlank()) h.put(name, v.trim());
    }
    for (String q : List.of("serial", "mac", "model")) {
      String v = c.queryParam(q);
      if (v != null && !v.isBlank()) h.put(q, v.trim());
    }
    return h;
  }

  /**
   * A device's progress report: JSON {@code {"serial"|"mac"|"device": ..., "status": "progress" |
   * "applied" | "failed" | "done", "step": "...", "message": "..."}}. The device is known by the
   * keys given, else by its lease.
   */
  public record Report(
      String device, String serial, String mac, String status, String step, String message) {}

  private void report(Context c) throws IOException {
    Report r = json.readValue(c.bodyAsBytes(), Report.class);
    if (r.status() == null) throw ApiException.badRequest("status is required", "status");
    Map<String, String> hints = new HashMap<>();
    if (r.serial() != null) hints.put("serial", r.serial());
    if (r.mac() != null) hints.put("mac", r.mac());
    FetchRequest who = new FetchRequest(protocol, c.ip(), "report", hints);
    Device d =
        (r.device() != null ? ctx.inventory().device(r.device()) : ctx.resolver().identify(who))
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no device matches this report (" + describe(r, c.ip()) + ")"));
    String step = r.step() == null ? "" : r.step();
    String message = r.message() == null ? "" : r.message();
    EventKind kind =
        switch (r.status().toLowerCase(Locale.ROOT)) {
          case "failed", "error" -> EventKind.DEVICE_FAILED;
          case "applied" ->
              step.equals("conf_min") || step.equals("config")
                  ? EventKind.CONF_MIN_APPLIED
                  : EventKind.DEVICE_REPORT;
          case "progress", "done", "ok" -> EventKind.DEVICE_REPORT;
          default ->
              throw ApiException.badRequest(
                  "status must be progress, applied, done or failed", "status");
        };
    Map<String, String> data = new LinkedHashMap<>();
    data.put("status", r.status());
    data.put("step", step);
    data.put("ip", c.ip());
    if (kind == EventKind.DEVICE_FAILED)
      data.put("reason", message.isEmpty() ? "device reported failure" : message);
    Event stored =
        ctx.timeline()
            .record(
                Event.of(
                    d.id(),
                    kind,
                    protocol.label(),
                    (step.isEmpty() ? "" : step + ": ") + message,
                    data))
            .join();
    c.status(202).json(Map.of("device", d.id(), "seq", stored.seq(), "kind", stored.kind().name()));
  }

  private static String describe(Report r, String ip) {
    return r.serial() != null
        ? "serial " + r.serial()
        : r.mac() != null ? "MAC " + r.mac() : "address " + ip;
  }
}
