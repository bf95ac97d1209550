package io.ztpd.web.auth;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.ztpd.web.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic authentication on the API and the board when users are configured. Devices'
 * provisioning paths ({@code /ztp/...}), the liveness check, the OpenAPI document and {@code
 * /metrics} stay open. Reading needs a viewer, changing anything an operator; routes ask for more
 * with {@link #require}.
 */
public final class AccessControl {
  private static final String USER = "ztpd.user";

  /** The identity of every request when ztpd runs open. */
  public static final WebUser ANONYMOUS = new WebUser("anonymous", "-", Role.ADMIN);

  private AccessControl() {}

  public static void install(Javalin app, WebUsers users) {
    app.before(
        ctx -> {
          if (users.isOpen()) {
            ctx.attribute(USER, ANONYMOUS);
            return;
          }
          String path = ctx.path();
          if (path.startsWith("/ztp/")
              || path.equals("/api/v1/health")
              || path.equals("/api/openapi.json")
              || path.equals("/metrics")) {
            return;
          }
          WebUser u = authenticate(ctx, users);
          ctx.attribute(USER, u);
          HandlerType m = ctx.method();
          boolean reading =
              m == HandlerType.GET || m == HandlerType.HEAD || m == HandlerType.OPTIONS;
          if (!reading) require(ctx, Role.OPERATOR);
        });
  }

  private static WebUser authenticate(Context ctx, WebUsers users) {
    String h = ctx.header("Authorization");
    if (h != null && h.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair =
            new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon > 0) {
          var u = users.authenticate(pair.substring(0, colon), pair.substring(colon + 1));
          if (u.isPresent()) return u.get();
        }
      } catch (IllegalArgumentException e) {
        // malformed base64: answered like a wrong password
      }
    }
    ctx.header("WWW-Authenticate", "Basic realm=\"ztpd\", charset=\"UTF-8\"");
    throw new ApiException(
        401,
        "unauthorized",
        h == null ? "log in to use ztpd" : "wrong user name or password",
        null);
  }

  /** The user making this request ({@link #ANONYMOUS} when ztpd runs open). */
  public static WebUser user(Context ctx) {
    WebUser u = ctx.attribute(USER);
    return u != null ? u : ANONYMOUS;
  }

  /** Refuses the request (403) unless its user has at least {@code role}. */
  public static void require(Context ctx, Role role) {
    WebUser u = user(ctx);
    if (!u.role().atLeast(role)) {
      throw new ApiException(
          403,
          "forbidden",
          "user '" + u.name() + "' is " + u.role().label() + "; this needs " + role.label(),
          null);
    }
  }
}
