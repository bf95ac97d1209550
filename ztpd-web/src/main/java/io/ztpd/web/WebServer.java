package io.ztpd.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.ztpd.core.provisioning.Protocol;
import io.ztpd.core.vendor.VendorEndpoint;
import io.ztpd.web.api.DeviceRoutes;
import io.ztpd.web.api.ErrorHandlers;
import io.ztpd.web.api.EventRoutes;
import io.ztpd.web.api.HealthRoutes;
import io.ztpd.web.api.ImageRoutes;
import io.ztpd.web.api.InventoryIoRoutes;
import io.ztpd.web.api.InventoryRoutes;
import io.ztpd.web.api.TemplateRoutes;
import io.ztpd.web.sse.EventHub;
import io.ztpd.web.ztp.ProvisioningHandler;
import io.ztpd.web.ztp.ProvisioningRoutes;
import io.ztpd.web.ztp.VendorRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * ztpd's HTTP side on one listener: device provisioning under {@code /ztp/}, the REST API under
 * {@code /api/v1}, the event stream, {@code /metrics} and the board. Extra route groups (templates,
 * imports, vendor endpoints) are added by the wiring with {@link #routes}.
 */
public final class WebServer implements AutoCloseable {
  private final WebConfig config;
  private final WebContext ctx;
  private final ObjectMapper json = Json.mapper();
  private final EventHub hub;
  private final List<Consumer<Javalin>> extra = new ArrayList<>();
  private Javalin app;
  private AutoCloseable subscription;

  public WebServer(WebConfig config, WebContext ctx) {
    this.config = config;
    this.ctx = ctx;
    this.hub = new EventHub(json, ctx.store().events());
  }

  /** Mounts vendor protocol endpoints (PnP, ZTPServer ...) before {@link #start}. */
  public WebServer vendorEndpoints(List<VendorEndpoint> endpoints) {
    if (!endpoints.isEmpty()) {
      extra.add(app -> new VendorRoutes(ctx.resolver(), endpoints).register(app));
    }
    return this;
  }

  /** Adds routes before {@link #start}. */
  public WebServer routes(Consumer<Javalin> registrar) {
    extra.add(registrar);
    return this;
  }

  public ObjectMapper json() {
    return json;
  }

  public EventHub hub() {
    return hub;
  }

  public WebServer start() {
    Timer ztp = Timer.builder("ztpd_http_requests").tag("area", "ztp").register(ctx.metrics());
    Timer api = Timer.builder("ztpd_http_requests").tag("area", "api").register(ctx.metrics());
    app =
        Javalin.create(
            c -> {
              c.showJavalinBanner = false;
              c.http.maxRequestSize = config.maxBodyBytes();
              c.http.disableCompression(); // images go out zero-copy; configs are small
              c.http.generateEtags = false;
              c.jsonMapper(new JavalinJackson(json, false));
              c.staticFiles.add(
                  s -> {
                    s.hostedPath = "/";
                    s.directory = "/io/ztpd/web/board";
                    s.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                  });
              if (config.tls() != null) {
                // Javalin adds its own HTTP connector only when none was added: add both
                c.jetty.addConnector(this::httpConnector);
                c.jetty.addConnector(this::httpsConnector);
              }
              // device fetches are answered ahead of Javalin (see ProvisioningHandler)
              c.jetty.modifyServer(
                  server ->
                      server.insertHandler(
                          new ProvisioningHandler(ctx.resolver(), json, Protocol.HTTP, ztp)));
              c.requestLogger.http(
                  (rc, ms) ->
                      (rc.path().startsWith("/ztp/") ? ztp : api)
                          .record((long) (ms * 1000), TimeUnit.MICROSECONDS));
            });
    ErrorHandlers.install(app);
    io.ztpd.web.auth.AccessControl.install(app, ctx.users());
    new ProvisioningRoutes(ctx, json, Protocol.HTTP).register(app);
    new DeviceRoutes(ctx, json).register(app);
    new InventoryRoutes(ctx, json).register(app);
    new EventRoutes(ctx, hub).register(app);
    new HealthRoutes(ctx).register(app);
    new TemplateRoutes(ctx).register(app);
    new InventoryIoRoutes(ctx).register(app);
    new ImageRoutes(ctx).register(app);
    new io.ztpd.web.api.SerialRoutes(ctx, json).register(app);
    new io.ztpd.web.api.JobRoutes(ctx, json).register(app);
    extra.forEach(r -> r.accept(app));
    subscription = ctx.timeline().subscribe(hub);
    if (config.tls() != null) app.start();
    else app.start(config.host(), config.port());
    return this;
  }

  public int port() {
    if (config.tls() == null) return app.port();
    for (Connector c : app.jettyServer().server().getConnectors()) {
      if (c instanceof ServerConnector sc
          && sc.getConnectionFactory(SslConnectionFactory.class) == null) {
        return sc.getLocalPort();
      }
    }
    return 0;
  }

  private Connector httpConnector(Server server, HttpConfiguration http) {
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    return connector;
  }

  /** The HTTPS port, 0 when HTTPS is off. */
  public int httpsPort() {
    for (Connector c : app.jettyServer().server().getConnectors()) {
      if (c instanceof ServerConnector sc
          && sc.getConnectionFactory(SslConnectionFactory.class) != null) {
        return sc.getLocalPort();
      }
    }
    return 0;
  }

  private Connector httpsConnector(Server server, HttpConfiguration http) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(config.tls().keyStore());
    ssl.setKeyStorePassword(new String(config.tls().password()));
    HttpConfiguration https = new HttpConfiguration(http);
    // devices often ask by address while the certificate names ztpd: do not refuse on SNI mismatch
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector connector =
        new ServerConnector(
            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(config.tlsHost());
    connector.setPort(config.tlsPort());
    return connector;
  }

  @Override
  public void close() {
    try {
      if (subscription != null) subscription.close();
    } catch (Exception ignored) {
      // closing a subscription cannot fail in a way that matters at shutdown
    }
    if (app != null) app.stop();
  }
}
