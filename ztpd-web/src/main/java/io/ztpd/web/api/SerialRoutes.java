package io.ztpd.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.ztpd.core.account.LocalAccount;
import io.ztpd.core.model.Device;
import io.ztpd.core.ops.DeviceOperations;
import io.ztpd.core.verify.CheckResult;
import io.ztpd.web.WebContext;
import io.ztpd.web.auth.AccessControl;
import io.ztpd.web.auth.Role;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Serial check and mismatch resolution (seed 004): {@code POST /devices/{id}/check-serial} with an
 * optional new serial, and the generated local account to log in with ({@code GET
 * /devices/{id}/account}, operators only).
 */
public final class SerialRoutes {
  private final WebContext ctx;
  private final ObjectMapper json;

  public SerialRoutes(WebContext ctx, ObjectMapper json) {
    this.ctx = ctx;
    this.json = json;
  }

  public void register(Javalin app) {
    app.post("/api/v1/devices/{id}/check-serial", this::checkSerial);
    app.get("/api/v1/devices/{id}/account", this::account);
  }

  static DeviceOperations ops(WebContext ctx) {
    if (ctx.operations() == null) {
      throw new ApiException(
          503, "unavailable", "device operations are not wired in this server", null);
    }
    return ctx.operations();
  }

  private Device device(Context c) {
    String id = c.pathParam("id");
    return ctx.inventory()
        .device(id)
        .orElseThrow(() -> ApiException.notFound("device '" + id + "' does not exist"));
  }

  private void checkSerial(Context c) throws Exception {
    DeviceOperations ops = ops(ctx);
    Device d = device(c);
    String serial = null;
    byte[] body = c.bodyAsBytes();
    if (body.length > 0) {
      JsonNode n = json.readTree(body);
      if (n != null && !n.isNull() && !n.isMissingNode()) {
        if (!n.isObject()) throw ApiException.badRequest("the body is a JSON object", null);
        for (var it = n.fieldNames(); it.hasNext(); ) {
          String f = it.next();
          if (!f.equals("serial")) {
            throw ApiException.badRequest("unknown field '" + f + "' (known: serial)", f);
          }
        }
        JsonNode s = n.get("serial");
        if (s != null && !s.isNull()) {
          if (!s.isTextual()) throw ApiException.badRequest("serial must be a string", "serial");
          serial = s.asText();
        }
      }
    }
    String by = AccessControl.user(c).name();
    CompletableFuture<CheckResult> check =
        serial == null
            ? ops.serialChecks().checkNow(d.id())
            : ops.serialChecks().updateSerialAndCheck(d.id(), serial, by);
    Duration wait = ops.serialChecks().settings().timeout().multipliedBy(3).plusSeconds(5);
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      CheckResult r = check.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      out.put("result", r.outcome().name().toLowerCase(Locale.ROOT));
      out.put("serial", r.observed());
      out.put("expected", r.expected());
      out.put("reason", r.reason() == null ? null : r.reason().code());
      out.put("detail", r.message());
      out.put("attempt", r.attempt());
      out.put("retrying", r.nextAttempt() != null);
      out.put("next_attempt_seconds", r.nextAttempt() == null ? null : r.nextAttempt().toSeconds());
      c.status(200);
    } catch (TimeoutException e) {
      out.put("result", "running");
      out.put("detail", "the check is still running; its outcome will be on the device's timeline");
      c.status(202);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw e;
    }
    String id = d.id();
    out.put("device", Views.device(ctx.board().row(ctx.inventory().device(id).orElse(d))));
    c.json(out);
  }

  private void account(Context c) {
    AccessControl.require(c, Role.OPERATOR);
    DeviceOperations ops = ops(ctx);
    Device d = device(c);
    LocalAccount a =
        ops.accounts()
            .existing(d.id())
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no account generated for '"
                            + d.id()
                            + "' yet: it is made when the device's minimal config is first"
                            + " rendered"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("device_id", d.id());
    out.put("username", a.username());
    out.put("password", a.password());
    c.header("Cache-Control", "no-store");
    c.json(out);
  }
}
