package io.ztpd.web.ztp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.model.Device;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Protocol;
import io.ztpd.web.WebContext;
import io.ztpd.web.api.ApiException;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /ztp/report}: devices' progress reports. What they fetch ({@code GET} / {@code HEAD}
 * under {@code /ztp/}) is answered ahead of Javalin by {@link ProvisioningHandler}.
 */
public final class ProvisioningRoutes {
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
