package io.ztpd.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.ztpd.core.store.Job;
import io.ztpd.web.WebContext;
import io.ztpd.web.auth.AccessControl;
import io.ztpd.web.auth.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The final push as jobs: {@code POST /devices/{id}/push}, {@code POST /jobs} for a selection,
 * {@code GET /jobs}, {@code GET /jobs/{id}}, and the approval hook {@code POST /jobs/{id}/approve}
 * (administrators, when users are configured).
 */
public final class JobRoutes {
  private final WebContext ctx;
  private final ObjectMapper json;

  public JobRoutes(WebContext ctx, ObjectMapper json) {
    this.ctx = ctx;
    this.json = json;
  }

  public void register(Javalin app) {
    app.post("/api/v1/devices/{id}/push", this::pushOne);
    app.post("/api/v1/jobs", this::create);
    app.get("/api/v1/jobs", this::list);
    app.get("/api/v1/jobs/{id}", c -> c.json(JobViews.job(job(c), ctx.store().jobs(), true)));
    app.post("/api/v1/jobs/{id}/approve", this::approve);
  }

  private void pushOne(Context c) {
    var ops = SerialRoutes.ops(ctx);
    String id = c.pathParam("id");
    if (ctx.inventory().device(id).isEmpty()) {
      throw ApiException.notFound("device '" + id + "' does not exist");
    }
    Job j = ops.pushes().submit(List.of(id), AccessControl.user(c).name());
    c.status(202).json(JobViews.job(j, ctx.store().jobs(), false));
  }

  private void create(Context c) throws Exception {
    var ops = SerialRoutes.ops(ctx);
    JsonNode n = c.bodyAsBytes().length == 0 ? null : json.readTree(c.bodyAsBytes());
    if (n == null || !n.isObject()) {
      throw ApiException.badRequest("the body is a JSON object {\"devices\": [ids]}", "devices");
    }
    for (var it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("devices")) {
        throw ApiException.badRequest("unknown field '" + f + "' (known: devices)", f);
      }
    }
    JsonNode ds = n.get("devices");
    if (ds == null || !ds.isArray()) {
      throw ApiException.badRequest("devices must be a list of device ids", "devices");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode d : ds) {
      if (!d.isTextual()) throw ApiException.badRequest("device ids are strings", "devices");
      ids.add(d.asText());
    }
    Job j = ops.pushes().submit(ids, AccessControl.user(c).name());
    c.status(202).json(JobViews.job(j, ctx.store().jobs(), false));
  }

  private void list(Context c) {
    int limit = Params.intParam(c, "limit", 50, 1, 500);
    c.json(
        ctx.store().jobs().recent(limit).stream()
            .map(j -> JobViews.job(j, ctx.store().jobs(), false))
            .toList());
  }

  private void approve(Context c) {
    AccessControl.require(c, Role.ADMIN);
    var ops = SerialRoutes.ops(ctx);
    Job j = ops.pushes().approve(jobId(c), AccessControl.user(c).name());
    c.json(JobViews.job(j, ctx.store().jobs(), false));
  }

  private Job job(Context c) {
    long id = jobId(c);
    return ctx.store()
        .jobs()
        .get(id)
        .orElseThrow(() -> ApiException.notFound("job " + id + " does not exist"));
  }

  private static long jobId(Context c) {
    String v = c.pathParam("id");
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("job '" + v + "' does not exist (job ids are numbers)");
    }
  }
}
