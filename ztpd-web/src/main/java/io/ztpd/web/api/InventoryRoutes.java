package io.ztpd.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Site;
import io.ztpd.core.store.PendingDevice;
import io.ztpd.web.WebContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sites, groups, the pending queue and leases. */
public final class InventoryRoutes {
  private final WebContext ctx;
  private final ObjectMapper json;

  public InventoryRoutes(WebContext ctx, ObjectMapper json) {
    this.ctx = ctx;
    this.json = json;
  }

  /** Body of {@code POST /api/v1/pending/{id}/adopt}; every field optional. */
  public record AdoptRequest(String hostname, String site, String group, String template) {}

  public void register(Javalin app) {
    app.get("/api/v1/sites", c -> c.json(ctx.inventory().sites()));
    app.get(
        "/api/v1/sites/{name}",
        c ->
            c.json(
                ctx.inventory()
                    .site(c.pathParam("name"))
                    .orElseThrow(
                        () ->
                            ApiException.notFound(
                                "site '" + c.pathParam("name") + "' does not exist"))));
    app.put("/api/v1/sites/{name}", this::putSite);
    app.delete(
        "/api/v1/sites/{name}",
        c -> {
          ctx.inventory().deleteSite(c.pathParam("name"), "api");
          c.status(204);
        });
    app.get("/api/v1/groups", c -> c.json(ctx.inventory().groups()));
    app.get(
        "/api/v1/groups/{name}",
        c ->
            c.json(
                ctx.inventory()
                    .group(c.pathParam("name"))
                    .orElseThrow(
                        () ->
                            ApiException.notFound(
                                "group '" + c.pathParam("name") + "' does not exist"))));
    app.put("/api/v1/groups/{name}", this::putGroup);
    app.delete(
        "/api/v1/groups/{name}",
        c -> {
          ctx.inventory().deleteGroup(c.pathParam("name"), "api");
          c.status(204);
        });
    app.get(
        "/api/v1/pending",
        c -> c.json(ctx.inventory().pending().stream().map(InventoryRoutes::pendingView).toList()));
    app.post("/api/v1/pending/{id}/adopt", this::adopt);
    app.post(
        "/api/v1/pending/{id}/reject",
        c -> {
          ctx.inventory().reject(c.pathParam("id"), "api");
          c.status(204);
        });
    app.get("/api/v1/leases", this::leases);
  }

  private void leases(Context c) {
    String device = c.queryParam("device");
    var all = ctx.leases().all();
    c.json(device == null ? all : all.stream().filter(l -> device.equals(l.deviceId())).toList());
  }

  private void putSite(Context c) throws Exception {
    Site s = json.readValue(c.bodyAsBytes(), Site.class);
    if (!s.name().equals(c.pathParam("name"))) {
      throw ApiException.badRequest("name in the body differs from the path", "name");
    }
    c.json(ctx.inventory().putSite(s, "api"));
  }

  private void putGroup(Context c) throws Exception {
    Group g = json.readValue(c.bodyAsBytes(), Group.class);
    if (!g.name().equals(c.pathParam("name"))) {
      throw ApiException.badRequest("name in the body differs from the path", "name");
    }
    c.json(ctx.inventory().putGroup(g, "api"));
  }

  private void adopt(Context c) throws Exception {
    byte[] body = c.bodyAsBytes();
    AdoptRequest r =
        body.length == 0
            ? new AdoptRequest(null, null, null, null)
            : json.readValue(body, AdoptRequest.class);
    var d =
        ctx.inventory()
            .adopt(c.pathParam("id"), r.hostname(), r.site(), r.group(), r.template(), "api");
    c.status(201).json(Views.device(ctx.board().row(d)));
  }

  static Map<String, Object> pendingView(PendingDevice p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("state", p.state().name().toLowerCase(java.util.Locale.ROOT));
    m.put("identity", p.identity());
    m.put("first_seen", p.firstSeen());
    m.put("last_seen", p.lastSeen());
    m.put("seen_count", p.seenCount());
    m.put("source", p.source());
    return m;
  }
}
