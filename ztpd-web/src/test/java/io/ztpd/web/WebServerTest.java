package io.ztpd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ztpd.core.account.LocalAccounts;
import io.ztpd.core.account.SecretBox;
import io.ztpd.core.board.DeviceBoard;
import io.ztpd.core.image.ImageRepository;
import io.ztpd.core.inventory.Inventory;
import io.ztpd.core.lease.LeaseLookup;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Site;
import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.ProvisioningResolver;
import io.ztpd.core.provisioning.Resolution;
import io.ztpd.core.provisioning.TemplateArtifacts;
import io.ztpd.core.template.TemplateDirectory;
import io.ztpd.core.template.TemplateEngine;
import io.ztpd.core.testing.InMemoryStore;
import io.ztpd.core.timeline.Timeline;
import io.ztpd.core.vendor.ServerContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebServerTest {
  @TempDir Path root;
  private final InMemoryStore store = new InMemoryStore();
  private final ObjectMapper json = Json.mapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Timeline timeline;
  private ImageRepository images;
  private Inventory inventory;
  private WebServer server;
  private String base;

  @BeforeEach
  void start() throws Exception {
    Files.writeString(root.resolve("hello.txt"), "0123456789");
    Path templates = Files.createDirectories(root.resolve("templates"));
    Files.writeString(templates.resolve("default.j2"), "hostname {{ hostname }}\n");
    Files.writeString(templates.resolve("broken"), "hostname {{ hostname }}\n\nvlan {{ vlan }}\n");
    timeline = new Timeline(store);
    inventory = new Inventory(store, timeline, Inventory.Policy.hold(), Set.of());
    inventory.putSite(
        new Site(
            "dc1",
            "192.0.2.0/24",
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            null,
            List.of(),
            List.of(),
            0,
            Map.of()),
        "test");
    inventory.putDevice(dev("sw1", "SN1", null), "test");
    inventory.putDevice(dev("sw2", "SN2", "broken"), "test");
    images = new ImageRepository(Files.createDirectories(root.resolve("images")));
    var artifacts =
        new TemplateArtifacts(
            new TemplateEngine(new TemplateDirectory(templates)),
            inventory,
            inventory::version,
            LeaseLookup.NONE,
            new LocalAccounts(store, SecretBox.ephemeral()),
            Map.of(),
            new ServerContext("127.0.0.1", 80, 0, 69, 0, 0, 0),
            images);
    var resolver =
        new ProvisioningResolver(
            inventory,
            LeaseLookup.NONE,
            artifacts,
            this::file,
            rel -> new Resolution.NotFound("no images"),
            timeline);
    var ctx =
        new WebContext(
            inventory,
            timeline,
            store,
            new DeviceBoard(inventory, timeline),
            resolver,
            LeaseLookup.NONE,
            artifacts,
            images,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    server = new WebServer(new WebConfig("127.0.0.1", 0, 4096), ctx).start();
    base = "http://127.0.0.1:" + server.port();
  }

  private Resolution file(String rel) {
    if (rel.contains("..")) return new Resolution.Denied("outside the file root");
    Path p = root.resolve(rel);
    if (!Files.isRegularFile(p)) return new Resolution.NotFound("no such file " + rel);
    return new Resolution.Found(
        new Artifact.FileRef(rel, p, 10, "text/plain", ArtifactKind.STATIC, null), null);
  }

  static Device dev(String id, String serial, String template) {
    return new Device(
        id,
        id + ".example.net",
        serial,
        null,
        null,
        null,
        null,
        null,
        null,
        "dc1",
        null,
        template,
        null,
        null,
        null,
        Map.of());
  }

  @AfterEach
  void stop() {
    server.close();
    inventory.close();
    timeline.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(base + path));
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aDeviceFetchesItsConfigAndItsTimelineShowsIt() throws Exception {
    var r = get("/ztp/config?serial=SN1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("hostname sw1.example.net\n");
    String sha = r.headers().firstValue("X-Checksum-Sha256").orElseThrow();
    assertThat(r.headers().firstValue("ETag")).contains("\"" + sha + "\"");
    assertThat(get("/ztp/config?serial=SN1", "If-None-Match", "\"" + sha + "\"").statusCode())
        .isEqualTo(304);
    var events = json.readTree(get("/api/v1/devices/sw1/events").body());
    assertThat(events.findValuesAsText("kind")).contains("CONF_MIN_FETCHED");
    JsonNode dev = json.readTree(get("/api/v1/devices/sw1").body());
    assertThat(dev.at("/status/conf_min").asText()).isEqualTo("Loaded");
    assertThat(dev.at("/status/phase").asText()).isEqualTo("conf_min_loaded");
    // SONiC names itself with a header
    assertThat(get("/ztp/config", "SERIAL-NUMBER", "SN1").body())
        .isEqualTo("hostname sw1.example.net\n");
    assertThat(get("/ztp/config/sw1").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownDevicesGet404AndJoinThePendingQueue() throws Exception {
    var r = get("/ztp/config?serial=NOPE9");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json.readTree(r.body()).get("detail").asText())
        .contains("queued for adoption as 'sn-nope9'");
    assertThat(get("/api/v1/pending").body()).contains("sn-nope9");
    var adopted =
        send("POST", "/api/v1/pending/sn-nope9/adopt", "{\"hostname\":\"leaf9\",\"site\":\"dc1\"}");
    assertThat(adopted.statusCode()).isEqualTo(201);
    assertThat(get("/ztp/config?serial=NOPE9").body()).isEqualTo("hostname leaf9\n");
  }

  @Test
  void templateErrorsAreReportedNotServedEmpty() throws Exception {
    var r = get("/ztp/config?serial=SN2");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("broken line 3").contains("'vlan'");
    timeline.flush();
    assertThat(json.readTree(get("/api/v1/devices/sw2/events").body()).findValuesAsText("kind"))
        .contains("FILE_FAILED");
  }

  @Test
  void filesServeRangesAndRefuseTraversal() throws Exception {
    assertThat(get("/ztp/files/hello.txt").body()).isEqualTo("0123456789");
    var part = get("/ztp/files/hello.txt", "Range", "bytes=2-4");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).isEqualTo("234");
    assertThat(part.headers().firstValue("Content-Range")).contains("bytes 2-4/10");
    assertThat(get("/ztp/files/hello.txt", "Range", "bytes=-3").body()).isEqualTo("789");
    assertThat(get("/ztp/files/hello.txt", "Range", "bytes=20-").statusCode()).isEqualTo(416);
    for (String evil :
        List.of(
            "/ztp/files/%2e%2e/%2e%2e/etc/passwd",
            "/ztp/files/..%2f..%2fetc/passwd", "/ztp/files/%252e%252e/etc/passwd")) {
      var r = get(evil);
      assertThat(r.statusCode()).as(evil).isIn(400, 403, 404);
      assertThat(r.body()).doesNotContain("root:");
    }
    assertThat(get("/ztp/files/hello.txt").statusCode()).isEqualTo(200);
  }

  @Test
  void badInputGetsJsonErrorsNamingTheField() throws Exception {
    var r = send("POST", "/api/v1/devices", "{\"id\":\"x1\",\"sitee\":\"dc1\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("detail").asText()).contains("unknown field 'sitee'");
    r = send("POST", "/api/v1/devices", "{\"id\":\"x1\",\"site\":\"nowhere\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("field").asText()).isEqualTo("site");
    r = send("POST", "/api/v1/devices", "{\"id\":\"x1\",\"mac\":\"not-a-mac\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("field").asText()).isEqualTo("mac");
    assertThat(json.readTree(r.body()).get("detail").asText())
        .isEqualTo("not a MAC address: 'not-a-mac'");
    r = send("POST", "/api/v1/devices", "{not json");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("error").asText()).isEqualTo("invalid JSON");
    r = send("POST", "/api/v1/devices", "{\"id\":\"" + "x".repeat(10_000) + "\"}");
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(get("/api/v1/devices?limit=abc").statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/devices?phase=flying").body()).contains("unknown phase 'flying'");
    assertThat(get("/api/v1/nothing").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/devices").statusCode()).isEqualTo(200); // still serving
  }

  @Test
  void listsDevicesWithStagesFilteredAndPaged() throws Exception {
    get("/ztp/config?serial=SN1");
    JsonNode page = json.readTree(get("/api/v1/devices?conf_min=Loaded").body());
    assertThat(page.get("total").asInt()).isEqualTo(1);
    assertThat(page.at("/items/0/id").asText()).isEqualTo("sw1");
    assertThat(page.at("/counts/conf_min.LOADED").asInt()).isEqualTo(1);
    page = json.readTree(get("/api/v1/devices?limit=1&offset=1&sort=id").body());
    assertThat(page.get("total").asInt()).isEqualTo(2);
    assertThat(page.at("/items/0/id").asText()).isEqualTo("sw2");
  }

  @Test
  void devicesReportProgressAndFailure() throws Exception {
    var r =
        send(
            "POST",
            "/ztp/report",
            "{\"serial\":\"SN1\",\"status\":\"failed\",\"step\":\"image\",\"message\":\"md5 mismatch\"}");
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(timeline.status("sw1").phase()).isEqualTo(Phase.FAILED);
    assertThat(timeline.status("sw1").failureReason()).isEqualTo("md5 mismatch");
    assertThat(send("POST", "/ztp/report", "{\"serial\":\"ZZ\",\"status\":\"done\"}").statusCode())
        .isEqualTo(404);
    assertThat(
            send("POST", "/ztp/report", "{\"serial\":\"SN1\",\"status\":\"weird\"}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void theEventStreamDeliversLiveEventsAndResumes() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    // a raw socket: what a browser's EventSource sends, nothing more
    java.net.Socket sock = new java.net.Socket("127.0.0.1", server.port());
    sock.getOutputStream()
        .write(
            ("GET /api/v1/events/stream?after=0&ready=1 HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (var br =
                      new BufferedReader(
                          new InputStreamReader(sock.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = br.readLine()) != null) lines.add(line);
                  } catch (Exception ignored) {
                    // the test ends by closing the socket
                  }
                });
    get("/ztp/config?serial=SN1");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> lines.stream().anyMatch(l -> l.contains("CONF_MIN_FETCHED")));
    // ready=1: a "ready" event comes first, once the client is registered
    assertThat(lines.stream().filter(l -> l.startsWith("event:")).findFirst().orElseThrow())
        .isEqualTo("event: ready");
    // history was replayed next (after=0): the site and the device creations
    assertThat(
            lines.stream()
                .filter(l -> l.startsWith("data:") && !l.contains("live"))
                .findFirst()
                .orElseThrow())
        .contains("site dc1 saved");
    assertThat(lines).anyMatch(l -> l.startsWith("data:") && l.contains("DEVICE_CREATED"));
    assertThat(lines).anyMatch(l -> l.startsWith("id:"));
    sock.close();
    reader.join(5000);
    assertThat(get("/api/v1/events/stream").statusCode()).isEqualTo(406);
  }

  @Test
  void templatesCanBeReadSavedAndPreviewedForADevice() throws Exception {
    assertThat(json.readTree(get("/api/v1/templates").body()).toString()).contains("default.j2");
    assertThat(
            send(
                    "PUT",
                    "/api/v1/templates/site/new.j2",
                    "hostname {{ hostname }} in {{ site.name }}\n")
                .statusCode())
        .isEqualTo(200);
    assertThat(get("/api/v1/templates/site/new.j2").body()).contains("{{ site.name }}");
    var preview = send("POST", "/api/v1/templates/preview?device=sw1", "name {{ device.id }}");
    assertThat(preview.body()).isEqualTo("name sw1");
    var bad = send("POST", "/api/v1/templates/preview?device=sw1&name=t.j2", "line1\n{{ nope }}");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("t.j2 line 2").contains("nope");
    assertThat(send("PUT", "/api/v1/templates/..%2fescape.j2", "x").statusCode()).isIn(400, 404);
    assertThat(get("/api/v1/devices/sw1/render").body()).isEqualTo("hostname sw1.example.net\n");
    assertThat(get("/api/v1/devices/sw1/render?stage=later").statusCode()).isEqualTo(400);
    // an edited template is served at once, not from the render cache
    assertThat(get("/ztp/config/sw1").body()).isEqualTo("hostname sw1.example.net\n");
    send("PUT", "/api/v1/templates/default.j2", "hostname {{ hostname }} edited\n");
    assertThat(get("/ztp/config/sw1").body()).isEqualTo("hostname sw1.example.net edited\n");
  }

  @Test
  void imagesUploadWithChecksumsAndAreServed() throws Exception {
    byte[] img = new byte[100_000];
    new java.util.Random(1).nextBytes(img);
    String sha =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(img));
    var wrong =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/images/os.bin?sha256=" + "0".repeat(64)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(img))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(400);
    var ok =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base + "/api/v1/images/os.bin?version=1.2&models=ex4300&sha256=" + sha))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(img))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(get("/api/v1/images").body()).contains("os.bin").contains(sha);
    // a device's target image reaches its templates as the `image` fact
    send(
        "PUT",
        "/api/v1/templates/img.j2",
        "image {{ image.version }} {{ image.url }} {{ image.sha256 }}");
    send(
        "PUT",
        "/api/v1/devices/sw1",
        "{\"id\":\"sw1\",\"hostname\":\"sw1\",\"site\":\"dc1\",\"template\":\"img.j2\",\"target_image\":\"1.2\"}");
    assertThat(get("/ztp/config/sw1").body())
        .isEqualTo("image 1.2 http://127.0.0.1/ztp/images/os.bin " + sha);
  }

  /** Every path the OpenAPI document promises is routed (a 404 may only mean "no such thing"). */
  @Test
  void everyDocumentedPathIsRouted() throws Exception {
    JsonNode paths = json.readTree(get("/api/openapi.json").body()).get("paths");
    for (var it = paths.fields(); it.hasNext(); ) {
      var e = it.next();
      String path = e.getKey().replaceAll("\\{[^}]+}", "x");
      for (var m = e.getValue().fieldNames(); m.hasNext(); ) {
        String method = m.next().toUpperCase(java.util.Locale.ROOT);
        if (method.equals("PARAMETERS")) continue;
        if (path.endsWith("/stream")) continue; // needs Accept: text/event-stream (tested above)
        var r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, HttpRequest.BodyPublishers.ofString(""))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).as(method + " " + e.getKey()).doesNotContain("no route for");
        assertThat(r.statusCode()).as(method + " " + e.getKey()).isNotEqualTo(405);
      }
    }
  }

  @Test
  void servesOpenApiAndMetrics() throws Exception {
    JsonNode doc = json.readTree(get("/api/openapi.json").body());
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    get("/ztp/config?serial=SN1");
    assertThat(get("/metrics").body()).contains("ztpd_http_requests");
  }
}
