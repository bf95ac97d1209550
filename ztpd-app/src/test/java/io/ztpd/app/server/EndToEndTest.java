package io.ztpd.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztpd.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3's acceptance, end to end: a real ztpd with SQLite, driven over HTTP and the CLI. */
class EndToEndTest {
  @TempDir Path dir;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();
  private ZtpdServer server;
  private String base;

  static final String SITE =
      "{\"name\":\"dc1\",\"subnet\":\"192.0.2.0/24\",\"relays\":[\"192.0.2.1\"],\"variables\":{\"syslog\":\"192.0.2.50\"}}";
  static final String CSV =
      """
      id,hostname,serial,mac,vendor,site,ntp,role
      leaf1,leaf1.dc1,JN0001,00:1c:73:00:00:01,juniper,dc1,192.0.2.9,leaf
      leaf2,leaf2.dc1,JN0002,00:1c:73:00:00:02,juniper,dc1,,leaf
      """;

  @BeforeEach
  void start() throws Exception {
    server = TestServers.start(TestServers.writeConfig(dir, TestServers.freeTcpPort(), 0, ""));
    base = "http://127.0.0.1:" + server.httpPort();
    assertThat(send("PUT", "/api/v1/sites/dc1", SITE).statusCode()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void csvImportThenAFetchGivesTheExactRenderingAndLoadsConfMin() throws Exception {
    var imported = send("POST", "/api/v1/inventory?format=csv&name=fleet.csv", CSV);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    var r = get("/ztp/config?serial=JN0001");
    assertThat(r.statusCode()).isEqualTo(200);
    // device variable ntp (192.0.2.9) wins over the global one; the account is the generated one
    assertThat(r.body())
        .isEqualTo(
            "set system host-name leaf1.dc1\nset system ntp server 192.0.2.9\nset system login user ztpadmin\n");
    // leaf2 has no ntp cell: the global variable applies
    assertThat(get("/ztp/config/JN0002").body()).contains("set system ntp server 192.0.2.123");
    JsonNode events = json.readTree(get("/api/v1/devices/leaf1/events").body());
    assertThat(events.findValuesAsText("kind")).contains("DEVICE_CREATED", "CONF_MIN_FETCHED");
    JsonNode dev = json.readTree(get("/api/v1/devices/leaf1").body());
    assertThat(dev.at("/status/conf_min").asText()).isEqualTo("Loaded");
    // the same bytes over TFTP-style paths and the render API
    assertThat(get("/api/v1/devices/leaf1/render").body()).isEqualTo(r.body());
  }

  @Test
  void brokenInventoriesAreRefusedWholeWithFileAndLine() throws Exception {
    send("POST", "/api/v1/inventory?format=csv&name=fleet.csv", CSV);
    String bad = "id,hostname,serial,mac\nx1,x1,S1,00:1c:73:00:00:09\nx2,x2,S2,zz:zz\n";
    var r = send("POST", "/api/v1/inventory?format=csv&name=more.csv", bad);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("more.csv line 3").contains("mac").contains("nothing imported");
    var y =
        send(
            "POST",
            "/api/v1/inventory?format=yaml&name=inv.yaml",
            "devices:\n  - id: y1\n    site: [unclosed\n");
    assertThat(y.statusCode()).isEqualTo(400);
    assertThat(y.body()).contains("inv.yaml line");
    var unknownSite =
        send("POST", "/api/v1/inventory?format=csv&name=s.csv", "id,site\nz1,nowhere\n");
    assertThat(unknownSite.statusCode()).isEqualTo(400);
    assertThat(unknownSite.body()).contains("nowhere");
    JsonNode page = json.readTree(get("/api/v1/devices").body());
    assertThat(page.get("total").asInt()).isEqualTo(2); // x1 was not half-imported
  }

  @Test
  void badInputGetsClearErrorsAndTheServerKeepsServing() throws Exception {
    send("POST", "/api/v1/inventory?format=csv&name=fleet.csv", CSV);
    // a template with an undefined variable: the error names template, line and variable
    send(
        "PUT",
        "/api/v1/devices/leaf2",
        "{\"id\":\"leaf2\",\"hostname\":\"leaf2.dc1\",\"serial\":\"JN0002\",\"vendor\":\"juniper\",\"site\":\"dc1\",\"template\":\"broken.j2\"}");
    var broken = get("/ztp/config/JN0002");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.body()).contains("broken.j2 line 3").contains("vlan_name");
    assertThat(get("/api/v1/devices/leaf2/render").statusCode()).isEqualTo(422);
    // an unknown device: 404 with the reason, and it waits in the pending queue
    var unknown = get("/ztp/config?serial=ZZ999");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("queued for adoption");
    assertThat(get("/api/v1/pending").body()).contains("sn-zz999");
    // path traversal in every spelling
    assertThat(get("/ztp/files/readme.txt").body()).isEqualTo("hello from the file root\n");
    for (String evil :
        List.of(
            "/ztp/files/../secret.txt",
            "/ztp/files/%2e%2e/secret.txt",
            "/ztp/files/%2e%2e%2fsecret.txt",
            "/ztp/files/..%2fsecret.txt",
            "/ztp/files/%252e%252e/secret.txt",
            "/ztp/files/....//secret.txt",
            "/ztp/files//etc/passwd",
            "/ztp/files/%00readme.txt",
            "/ztp/files/..\\secret.txt")) {
      String raw = rawGet(evil);
      assertThat(raw).as(evil).doesNotContain("not for devices").doesNotContain("root:x");
      assertThat(raw.substring(9, 12)).as(evil).isIn("400", "403", "404");
    }
    // an oversize body
    var big = send("POST", "/api/v1/inventory?format=csv", "id\n" + "x,".repeat(40_000));
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(get("/api/v1/health").statusCode()).isEqualTo(200);
    assertThat(get("/ztp/config/JN0001").statusCode()).isEqualTo(200);
  }

  /** Sends the path byte for byte (java.net.URI would normalise or refuse some of these). */
  private String rawGet(String path) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.httpPort())) {
      s.getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void theCliTalksToTheServer() throws Exception {
    send("POST", "/api/v1/inventory?format=csv&name=fleet.csv", CSV);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    int rc;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      rc = Main.run("devices", "list", "--server", base);
    } finally {
      System.setOut(old);
    }
    assertThat(rc).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("leaf1").contains("2 of 2 device(s)");
    assertThat(Main.run("devices", "show", "nope", "--server", base)).isEqualTo(1);
    Path img = dir.resolve("junos-21.4.img");
    java.nio.file.Files.write(img, new byte[300_000]);
    assertThat(
            Main.run(
                "images",
                "add",
                img.toString(),
                "--version",
                "21.4R3",
                "--models",
                "ex4300,qfx5120",
                "--server",
                base))
        .isZero();
    assertThat(
            Main.run(
                "images",
                "add",
                img.toString(),
                "--name",
                "bad.img",
                "--sha256",
                "0".repeat(64),
                "--server",
                base))
        .isEqualTo(1);
    assertThat(get("/api/v1/images").body())
        .contains("junos-21.4.img")
        .contains("21.4R3")
        .doesNotContain("bad.img");
    assertThat(
            Main.run(
                "devices", "list", "--server", "http://127.0.0.1:" + TestServers.freeTcpPort()))
        .isEqualTo(3);
  }
}
