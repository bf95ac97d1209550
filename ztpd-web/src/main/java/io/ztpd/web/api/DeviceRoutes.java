package io.ztpd.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.ztpd.core.board.DevicePage;
import io.ztpd.core.board.DeviceQuery;
import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.lifecycle.ConfMin;
import io.ztpd.core.lifecycle.FinalState;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.lifecycle.SerialState;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Mac;
import io.ztpd.web.WebContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/v1/devices}: the inventory with live states, paged and filtered server-side. */
public final class DeviceRoutes {
  private final WebContext ctx;
  private final ObjectMapper json;

  public DeviceRoutes(WebContext ctx, ObjectMapper json) {
    this.ctx = ctx;
    this.json = json;
  }

  public void register(Javalin app) {
    app.get("/api/v1/devices", this::list);
    app.post("/api/v1/devices", this::create);
    app.get("/api/v1/devices/{id}", c -> c.json(Views.device(ctx.board().row(device(c)))));
    app.put("/api/v1/devices/{id}", this::replace);
    app.delete("/api/v1/devices/{id}", this::delete);
    app.get("/api/v1/devices/{id}/events", this::events);
    app.post("/api/v1/devices/{id}/reset", this::reset);
  }

  private void list(Context c) {
    DeviceQuery q =
        new DeviceQuery(
            c.queryParam("q"),
            Params.enumParam(c, "phase", Phase.class, Phase::label),
            Params.enumParam(c, "conf_min", ConfMin.class, ConfMin::label),
            Params.enumParam(c, "serial", SerialState.class, SerialState::label),
            Params.enumParam(c, "final", FinalState.class, FinalState::label),
            c.queryParam("site"),
            c.queryParam("vendor"),
            c.queryParam("sort"),
            "desc".equalsIgnoreCase(c.queryParam("order")),
            Params.intParam(c, "offset", 0, 0, Integer.MAX_VALUE),
            Params.intParam(c, "limit", 100, 1, DeviceQuery.MAX_LIMIT));
    DevicePage page = ctx.board().query(q);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", page.total());
    body.put("offset", q.offset());
    body.put("limit", q.limit());
    body.put("counts", page.counts());
    body.put("items", page.items().stream().map(Views::device).toList());
    c.json(body);
  }

  private Device device(Context c) {
    String id = c.pathParam("id");
    return ctx.inventory()
        .device(id)
        .orElseThrow(() -> ApiException.notFound("device '" + id + "' does not exist"));
  }

  private Device parse(Context c) throws Exception {
    var tree = json.readTree(c.bodyAsBytes());
    if (!(tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o)) {
      throw ApiException.badRequest("a device is a JSON object", null);
    }
    o.remove("status"); // what GET returns can be PUT back
    var mac = o.get("mac");
    if (mac != null && mac.isTextual() && !mac.asText().isBlank()) {
      try {
        Mac.normalize(mac.asText()); // the record would refuse it too, without naming the field
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage(), "mac");
      }
    }
    return json.treeToValue(o, Device.class);
  }

  private void create(Context c) throws Exception {
    Device d = parse(c);
    if (ctx.inventory().device(d.id()).isPresent()) {
      throw new ApiException(409, "conflict", "device '" + d.id() + "' already exists", "id");
    }
    ctx.inventory().putDevice(d, "api");
    c.status(201).json(Views.device(ctx.board().row(d)));
  }

  private void replace(Context c) throws Exception {
    Device d = parse(c);
    if (!d.id().equals(c.pathParam("id"))) {
      throw ApiException.badRequest(
          "id in the body ('" + d.id() + "') differs from the path", "id");
    }
    Device before = ctx.inventory().device(d.id()).orElse(null);
    ctx.inventory().putDevice(d, "api");
    if (before != null && before.serial() != null && !before.serial().equals(d.serial())) {
      ctx.timeline()
          .record(
              Event.of(d.id(), EventKind.SERIAL_UPDATED, "api", "serial changed to " + d.serial()))
          .join();
    }
    c.status(before == null ? 201 : 200).json(Views.device(ctx.board().row(d)));
  }

  private void delete(Context c) {
    ctx.inventory().deleteDevice(c.pathParam("id"), "api");
    c.status(204);
  }

  private void events(Context c) {
    Device d = device(c);
    long after = Params.longParam(c, "after", 0);
    int limit = Params.intParam(c, "limit", 500, 1, 10_000);
    c.json(
        ctx.store().events().forDevice(d.id(), after, limit).stream().map(Views::event).toList());
  }

  private void reset(Context c) {
    Device d = device(c);
    ctx.timeline()
        .record(Event.of(d.id(), EventKind.OPERATOR_RESET, "api", "reset by operator"))
        .join();
    c.json(Views.device(ctx.board().row(d)));
  }
}
