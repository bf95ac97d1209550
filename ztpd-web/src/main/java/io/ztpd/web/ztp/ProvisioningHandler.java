package io.ztpd.web.ztp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Timer;
import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Protocol;
import io.ztpd.core.provisioning.ProvisioningResolver;
import io.ztpd.core.provisioning.Resolution;
import io.ztpd.web.api.ApiError;
import io.ztpd.web.api.ApiException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What devices fetch: {@code GET} and {@code HEAD} under {@code /ztp/} go to the resolver (config,
 * files, images, vendor artifacts). This is a plain Jetty handler ahead of Javalin, because a boot
 * storm is thousands of these per second and Javalin's per-request context, routing and servlet
 * layers cost more than the fetch itself. Everything else (the API, {@code POST /ztp/report}, the
 * board) passes through to Javalin unchanged. Errors keep the API's JSON shape ({@link ApiError}).
 */
public final class ProvisioningHandler extends HandlerWrapper {
  private static final Logger log = LoggerFactory.getLogger(ProvisioningHandler.class);

  /** Request headers devices use to say who they are (SONiC, our own scripts). */
  private static final List<String> IDENTITY_HEADERS =
      List.of(
          "serial-number",
          "product-name",
          "base-mac-address",
          "sonic-version",
          "x-ztp-serial",
          "x-ztp-mac",
          "x-ztp-model");

  private static final List<String> IDENTITY_PARAMS = List.of("serial", "mac", "model");

  private final ProvisioningResolver resolver;
  private final ObjectMapper json;
  private final Protocol protocol;
  private final Timer timer;

  /**
   * Sends the fetches that became durable: a timeline batch wakes these two threads at most, not
   * one per fetch; two so that sending is not one core's job on a busy machine.
   */
  private final ExecutorService completions =
      Executors.newFixedThreadPool(
          2, r -> Thread.ofPlatform().name("http-fetch-completions").daemon(true).unstarted(r));

  /**
   * @param protocol what plain-HTTP requests are recorded as ({@code https} requests always as
   *     HTTPS)
   * @param timer every answered fetch, as the API's requests are timed by Javalin
   */
  public ProvisioningHandler(
      ProvisioningResolver resolver, ObjectMapper json, Protocol protocol, Timer timer) {
    this.resolver = resolver;
    this.json = json;
    this.protocol = protocol;
    this.timer = timer;
  }

  @Override
  public void handle(
      String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException, jakarta.servlet.ServletException {
    String method = base.getMethod();
    boolean head = HttpMethod.HEAD.is(method);
    String uri = base.getRequestURI();
    if (!(head || HttpMethod.GET.is(method)) || uri == null || !uri.startsWith("/ztp/")) {
      super.handle(target, base, request, response);
      return;
    }
    base.setHandled(true);
    long t0 = System.nanoTime();
    Response res = base.getResponse();
    boolean answeredLater = false;
    try {
      answeredLater = fetch(base, res, uri, head, t0);
    } catch (ApiException e) {
      error(res, e.status(), e.body());
    } catch (IOException e) {
      throw e; // the client went away: nothing to answer
    } catch (RuntimeException e) {
      log.error("{} {} failed", method, uri, e);
      error(res, 500, new ApiError("internal error", e.toString(), null));
    } finally {
      if (!answeredLater) timer.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    }
  }

  /** True when the answer is sent later, by the completion thread. */
  private boolean fetch(Request req, Response res, String uri, boolean head, long t0)
      throws IOException {
    Protocol p = req.isSecure() ? Protocol.HTTPS : protocol;
    FetchRequest fetch =
        new FetchRequest(p, req.getRemoteAddr(), PathDecoder.decode(uri), hints(req));
    switch (resolver.resolve(fetch)) {
      case Resolution.Found f -> {
        return send(req, res, fetch, f, head, t0);
      }
      case Resolution.NotFound n -> error(res, 404, new ApiError("not found", n.reason(), null));
      case Resolution.Denied d -> error(res, 403, new ApiError("forbidden", d.reason(), null));
      case Resolution.Failed f ->
          error(res, 500, new ApiError("cannot make artifact", f.reason(), null));
    }
    return false;
  }

  /**
   * In-memory content (configs, scripts) goes out once its delivery is on the timeline and durable:
   * a device that received its bytes is never missing from the timeline after a crash. The request
   * waits without a thread: the timeline's writer completes a whole batch of fetches at once, and
   * the completion threads send them, instead of waking one parked request thread per fetch. Files
   * (images) are recorded after a complete transfer.
   */
  private boolean send(
      Request req, Response res, FetchRequest fetch, Resolution.Found f, boolean head, long t0)
      throws IOException {
    Artifact artifact = f.artifact();
    ByteRange body = ArtifactResponder.headers(req, res, artifact, head);
    if (body == null) return false;
    if (artifact instanceof Artifact.Content) {
      AsyncContext async = req.startAsync();
      async.setTimeout(0); // no timer per fetch: the timeline answers or fails every record
      resolver
          .completedAsync(fetch, f, artifact.size(), since(t0))
          .whenCompleteAsync((v, err) -> finish(async, res, fetch, f, body, err, t0), completions);
      return true;
    }
    try {
      ArtifactResponder.body(res, artifact, body);
    } catch (IOException e) {
      resolver.failed(fetch, f, "client went away: " + e.getMessage());
      throw e;
    }
    resolver.completed(fetch, f, body.length(), since(t0));
    return false;
  }

  /**
   * On the completion thread, once the fetch is durable (or could not be recorded). The body goes
   * out without blocking, so a client that does not read cannot hold up the others.
   */
  private void finish(
      AsyncContext async,
      Response res,
      FetchRequest fetch,
      Resolution.Found f,
      ByteRange body,
      Throwable err,
      long t0) {
    if (err != null) {
      log.error("recording the fetch of {} failed: not sent", fetch.path(), err);
      try {
        error(res, 500, new ApiError("cannot record the fetch", err.toString(), null));
      } catch (IOException | RuntimeException e) {
        log.debug("could not answer {}: {}", fetch.path(), e.toString());
      }
      complete(async, t0);
      return;
    }
    byte[] bytes = ((Artifact.Content) f.artifact()).bytes();
    ByteBuffer slice = ByteBuffer.wrap(bytes, (int) body.start(), (int) body.length());
    try {
      res.getHttpOutput()
          .sendContent(
              slice,
              new Callback() {
                @Override
                public void succeeded() {
                  complete(async, t0);
                }

                @Override
                public void failed(Throwable x) {
                  resolver.failed(fetch, f, "client went away: " + x.getMessage());
                  complete(async, t0);
                }
              });
    } catch (RuntimeException e) {
      resolver.failed(fetch, f, "cannot send: " + e.getMessage());
      complete(async, t0);
    }
  }

  private void complete(AsyncContext async, long t0) {
    try {
      async.complete();
    } catch (IllegalStateException alreadyOver) {
      // the connection failed meanwhile and Jetty completed the exchange itself
    }
    timer.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
  }

  @Override
  protected void doStop() throws Exception {
    super.doStop();
    completions.shutdown();
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  private static Map<String, String> hints(Request req) {
    Map<String, String> h = null;
    for (String name : IDENTITY_HEADERS) {
      String v = req.getHeader(name);
      if (v != null && !v.isBlank()) (h == null ? h = new HashMap<>() : h).put(name, v.trim());
    }
    if (req.getQueryString() != null) {
      for (String q : IDENTITY_PARAMS) {
        String v = req.getParameter(q);
        if (v != null && !v.isBlank()) (h == null ? h = new HashMap<>() : h).put(q, v.trim());
      }
    }
    return h == null ? Map.of() : h;
  }

  private void error(Response res, int status, ApiError body) throws IOException {
    if (res.isCommitted()) return;
    byte[] bytes = json.writeValueAsBytes(body);
    res.setStatus(status);
    res.setContentType("application/json");
    res.setContentLength(bytes.length);
    res.getHttpOutput().write(bytes);
  }
}
