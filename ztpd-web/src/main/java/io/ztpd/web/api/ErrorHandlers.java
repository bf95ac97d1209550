package io.ztpd.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.ztpd.core.inventory.InventoryException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to a JSON {@link ApiError} with the right status; never a stack trace. */
public final class ErrorHandlers {
  private static final Logger log = LoggerFactory.getLogger(ErrorHandlers.class);

  private ErrorHandlers() {}

  public static void install(Javalin app) {
    app.exception(ApiException.class, (e, ctx) -> send(ctx, e.status(), e.body()));
    app.exception(
        InventoryException.class,
        (e, ctx) ->
            send(
                ctx,
                e.isNotFound() ? 404 : 400,
                new ApiError(
                    e.isNotFound() ? "not found" : "invalid inventory",
                    e.getMessage(),
                    e.field())));
    app.exception(
        io.ztpd.core.access.Refusal.class,
        (e, ctx) ->
            send(
                ctx,
                switch (e.kind()) {
                  case NOT_FOUND -> 404;
                  case CONFLICT -> 409;
                  case INVALID -> 400;
                  case UNPROCESSABLE -> 422;
                },
                new ApiError(
                    switch (e.kind()) {
                      case NOT_FOUND -> "not found";
                      case CONFLICT -> "conflict";
                      case INVALID -> "invalid request";
                      case UNPROCESSABLE -> "cannot be done";
                    },
                    e.getMessage(),
                    e.field())));
    app.exception(JsonProcessingException.class, (e, ctx) -> send(ctx, 400, jsonError(e)));
    app.exception(
        IllegalArgumentException.class,
        (e, ctx) -> send(ctx, 400, new ApiError("invalid request", e.getMessage(), null)));
    app.exception(
        HttpResponseException.class,
        (e, ctx) ->
            send(
                ctx, e.getStatus(), new ApiError(statusText(e.getStatus()), e.getMessage(), null)));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("{} {} failed", ctx.method(), ctx.path(), e);
          send(ctx, 500, new ApiError("internal error", e.toString(), null));
        });
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            send(
                ctx,
                404,
                new ApiError("not found", "no route for " + ctx.method() + " " + ctx.path(), null));
          }
        });
    app.error(
        413,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            send(
                ctx,
                413,
                new ApiError(
                    "request too large", "the request body exceeds the configured limit", null));
          }
        });
  }

  private static ApiError jsonError(JsonProcessingException e) {
    String field = null;
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      field =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
    }
    String detail = e.getOriginalMessage();
    if (e instanceof UnrecognizedPropertyException u) {
      detail = "unknown field '" + u.getPropertyName() + "'";
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      // a record refused a value: its own message says which and why
      detail = v.getCause().getMessage();
    }
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      detail +=
          " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")";
    }
    return new ApiError("invalid JSON", detail, field);
  }

  public static void send(Context ctx, int status, ApiError error) {
    ctx.status(status).json(error);
  }

  private static String statusText(int status) {
    return switch (status) {
      case 400 -> "invalid request";
      case 404 -> "not found";
      case 405 -> "method not allowed";
      case 413 -> "request too large";
      default -> "error " + status;
    };
  }
}
