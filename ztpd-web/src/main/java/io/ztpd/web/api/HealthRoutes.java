package io.ztpd.web.api;

import io.javalin.Javalin;
import io.ztpd.web.WebContext;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Health, the OpenAPI document and Prometheus metrics. */
public final class HealthRoutes {
  private final WebContext ctx;
  private final byte[] openapi;

  public HealthRoutes(WebContext ctx) {
    this.ctx = ctx;
    try (InputStream in = HealthRoutes.class.getResourceAsStream("/io/ztpd/web/openapi.json")) {
      this.openapi = in.readAllBytes();
    } catch (Exception e) {
      throw new IllegalStateException("openapi.json missing from the build", e);
    }
  }

  public void register(Javalin app) {
    app.get("/api/v1/health", c -> c.json(health()));
    app.get("/api/openapi.json", c -> c.contentType("application/json").result(openapi));
    app.get(
        "/metrics",
        c ->
            c.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(ctx.metrics().scrape()));
  }

  private Map<String, Object> health() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", "ok");
    m.put("store", ctx.store().describe());
    m.put("devices", ctx.inventory().deviceCount());
    m.put("pending", ctx.inventory().pending().size());
    m.put("events_recorded", ctx.timeline().recordedCount());
    m.put("event_backlog", ctx.timeline().backlog());
    m.put("event_write_failures", ctx.timeline().failedBatchCount());
    return m;
  }
}
