package io.ztpd.web.ztp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.ArtifactResolver;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Protocol;
import io.ztpd.core.provisioning.Resolution;
import io.ztpd.core.vendor.VendorEndpoint;
import io.ztpd.core.vendor.VendorRequest;
import io.ztpd.core.vendor.VendorResponse;
import io.ztpd.web.api.ErrorHandlers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VendorRoutesTest {
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<String> completed = new CopyOnWriteArrayList<>();
  private final List<VendorRequest> seen = new CopyOnWriteArrayList<>();
  private Javalin app;

  /** Records deliveries like the real resolver records fetches. */
  private final ArtifactResolver resolver =
      new ArtifactResolver() {
        @Override
        public Resolution resolve(FetchRequest request) {
          return new Resolution.NotFound("unused");
        }

        @Override
        public void started(FetchRequest request, Resolution.Found found) {}

        @Override
        public void completed(
            FetchRequest request, Resolution.Found found, long bytes, Duration took) {
          completed.add(request.path() + ":" + bytes + ":" + found.deviceId());
        }

        @Override
        public void failed(FetchRequest request, Resolution.Found found, String reason) {}
      };

  record Endpoint(String id, List<String> paths, Function<VendorRequest, VendorResponse> f)
      implements VendorEndpoint {
    @Override
    public long maxBodyBytes() {
      return 16;
    }

    @Override
    public VendorResponse handle(VendorRequest request) {
      return f.apply(request);
    }
  }

  private String start(VendorEndpoint... endpoints) {
    app = Javalin.create(c -> c.showJavalinBanner = false);
    ErrorHandlers.install(app);
    new VendorRoutes(resolver, List.of(endpoints)).register(app);
    app.start("127.0.0.1", 0);
    return "http://127.0.0.1:" + app.port();
  }

  @AfterEach
  void stop() {
    if (app != null) app.stop();
  }

  private HttpResponse<String> send(String method, String url, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("X-Serial", "SN1")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void requestsReachTheEndpointAsPlainDataAndAnswersGoBackAsGiven() throws Exception {
    String base =
        start(
            new Endpoint(
                "echo",
                List.of("/echo/", "/exact"),
                r -> {
                  seen.add(r);
                  return VendorResponse.of(201, "text/x-thing", r.method() + " " + r.bodyText())
                      .withHeader("Location", "/echo/1");
                }));
    var r = send("POST", base + "/echo/a%20b/c?k=v", "hello");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.body()).isEqualTo("POST hello");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/x-thing");
    assertThat(r.headers().firstValue("Location")).hasValue("/echo/1");
    VendorRequest got = seen.get(0);
    assertThat(got.path()).isEqualTo("/echo/a b/c");
    assertThat(got.queryParam("k")).isEqualTo("v");
    assertThat(got.header("X-SERIAL")).isEqualTo("SN1");
    assertThat(got.remoteIp()).isEqualTo("127.0.0.1");
    assertThat(got.secure()).isFalse();
    assertThat(send("GET", base + "/exact", "").body()).isEqualTo("GET ");
    var head = send("HEAD", base + "/exact", "");
    assertThat(head.statusCode()).isEqualTo(201);
    assertThat(head.body()).isEmpty();
    assertThat(send("GET", base + "/exactly", "").statusCode()).isEqualTo(404);
  }

  @Test
  void bodiesOverTheEndpointsLimitAndFailuresGetPlainErrors() throws Exception {
    String base =
        start(
            new Endpoint(
                "pnp",
                List.of("/p/"),
                r -> {
                  if (r.path().equals("/p/boom")) throw new IllegalStateException("bug");
                  return VendorResponse.text(200, "ok");
                }));
    var big = send("POST", base + "/p/x", "x".repeat(17));
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.body())
        .isEqualTo("request body over 16 bytes: refused by ztpd's pnp endpoint\n");
    var boom = send("POST", base + "/p/boom", "x");
    assertThat(boom.statusCode()).isEqualTo(500);
    assertThat(boom.body()).startsWith("ztpd's pnp endpoint failed on /p/boom: ");
    assertThat(send("POST", base + "/p/x", "x".repeat(16)).body()).isEqualTo("ok\n");
  }

  @Test
  void deliveriesAreStreamedAndRecordedAsFetches() throws Exception {
    byte[] bytes = "print('hi')\n".getBytes(StandardCharsets.UTF_8);
    String base =
        start(
            new Endpoint(
                "arista",
                List.of("/bootstrap"),
                r ->
                    VendorResponse.deliver(
                        new FetchRequest(Protocol.HTTP, r.remoteIp(), "bootstrap", null),
                        new Resolution.Found(
                            new Artifact.Content(
                                "bootstrap", bytes, "text/x-python", ArtifactKind.BOOTSTRAP, null),
                            "leaf1"))));
    var r = send("GET", base + "/bootstrap", "");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("print('hi')\n");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/x-python");
    assertThat(completed).containsExactly("bootstrap:" + bytes.length + ":leaf1");
  }

  @Test
  void twoEndpointsMayNotClaimOnePath() {
    app = Javalin.create(c -> c.showJavalinBanner = false);
    var a = new Endpoint("a", List.of("/x/"), r -> VendorResponse.text(200, "a"));
    var b = new Endpoint("b", List.of("/x/"), r -> VendorResponse.text(200, "b"));
    assertThatThrownBy(() -> new VendorRoutes(resolver, List.of(a, b)).register(app))
        .hasMessage("vendor endpoints a and b both claim /x/");
  }
}
