package io.ztpd.web.ztp;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.ztpd.core.provisioning.ArtifactResolver;
import io.ztpd.core.vendor.VendorEndpoint;
import io.ztpd.core.vendor.VendorRequest;
import io.ztpd.core.vendor.VendorResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts vendor protocol endpoints (Cisco PnP, Arista ZTPServer ...) on the paths they claim. Each
 * request reaches its endpoint as plain data; bodies over the endpoint's limit get 413 and a
 * failing endpoint a 500 in plain text, which is what the devices' logs can show.
 */
public final class VendorRoutes {
  private static final Logger log = LoggerFactory.getLogger(VendorRoutes.class);
  private static final List<HandlerType> METHODS =
      List.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST, HandlerType.PUT);

  private final ArtifactResolver resolver;
  private final List<VendorEndpoint> endpoints;

  public VendorRoutes(ArtifactResolver resolver, List<VendorEndpoint> endpoints) {
    this.resolver = resolver;
    this.endpoints = List.copyOf(endpoints);
  }

  /**
   * @throws IllegalStateException when two endpoints claim the same path
   */
  public void register(Javalin app) {
    Map<String, String> claimed = new HashMap<>();
    for (VendorEndpoint e : endpoints) {
      for (String path : e.paths()) {
        if (!path.startsWith("/")) {
          throw new IllegalStateException(e.id() + ": path '" + path + "' must start with /");
        }
        String other = claimed.putIfAbsent(path, e.id());
        if (other != null) {
          throw new IllegalStateException(
              "vendor endpoints " + other + " and " + e.id() + " both claim " + path);
        }
        String route = path.endsWith("/") ? path + "*" : path;
        for (HandlerType m : METHODS) app.addHttpHandler(m, route, c -> handle(c, e));
      }
    }
  }

  private void handle(Context c, VendorEndpoint e) throws IOException {
    String method = c.method().name().toUpperCase(Locale.ROOT);
    long limit = e.maxBodyBytes();
    if (c.req().getContentLengthLong() > limit) {
      tooLarge(c, e, limit);
      return;
    }
    byte[] body = method.equals("GET") || method.equals("HEAD") ? new byte[0] : c.bodyAsBytes();
    if (body.length > limit) {
      tooLarge(c, e, limit);
      return;
    }
    Map<String, String> headers = new HashMap<>();
    c.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    VendorRequest req =
        new VendorRequest(
            method,
            PathDecoder.decode(c.path()),
            c.queryParamMap(),
            headers,
            body,
            c.ip(),
            "https".equals(c.scheme()));
    VendorResponse r;
    try {
      r = e.handle(req);
    } catch (RuntimeException ex) {
      log.error("vendor endpoint {}: {} {} failed", e.id(), method, c.path(), ex);
      plain(c, 500, "ztpd's " + e.id() + " endpoint failed on " + c.path() + ": " + ex);
      return;
    }
    r.headers().forEach(c::header);
    if (r.delivery() != null) {
      ArtifactDelivery.send(
          c, resolver, r.delivery().request(), r.delivery().found(), method.equals("HEAD"));
      return;
    }
    c.status(r.status()).contentType(r.contentType());
    if (method.equals("HEAD")) c.res().setContentLength(r.body().length);
    else c.result(r.body());
  }

  private static void tooLarge(Context c, VendorEndpoint e, long limit) {
    plain(
        c, 413, "request body over " + limit + " bytes: refused by ztpd's " + e.id() + " endpoint");
  }

  private static void plain(Context c, int status, String message) {
    c.status(status)
        .contentType("text/plain; charset=utf-8")
        .result((message + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
