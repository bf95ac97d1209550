package io.ztpd.web.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.ztpd.web.WebContext;
import io.ztpd.web.sse.EventHub;

/** {@code /api/v1/events}: the whole timeline, paged, and live as server-sent events. */
public final class EventRoutes {
  private final WebContext ctx;
  private final EventHub hub;

  public EventRoutes(WebContext ctx, EventHub hub) {
    this.ctx = ctx;
    this.hub = hub;
  }

  public void register(Javalin app) {
    app.get("/api/v1/events", this::list);
    app.before(
        "/api/v1/events/stream",
        c -> {
          String accept = c.header("Accept");
          if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiException(
                406, "not acceptable", "the event stream needs 'Accept: text/event-stream'", null);
          }
        });
    app.sse("/api/v1/events/stream", hub::attach);
  }

  private void list(Context c) {
    int limit = Params.intParam(c, "limit", 500, 1, 10_000);
    String device = c.queryParam("device");
    String after = c.queryParam("after");
    var events =
        after == null
            ? ctx.store().events().latest(device, limit).reversed()
            : device == null
                ? ctx.store().events().after(Params.longParam(c, "after", 0), limit)
                : ctx.store().events().forDevice(device, Params.longParam(c, "after", 0), limit);
    c.json(events.stream().map(Views::event).toList());
  }
}
