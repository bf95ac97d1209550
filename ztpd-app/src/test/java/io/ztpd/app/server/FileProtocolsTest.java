package io.ztpd.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ztpd serve` wires one resolver behind every protocol: the same bytes over HTTP, TFTP, FTP, SFTP.
 */
class FileProtocolsTest {
  @TempDir Path dir;

  @Test
  void theSameConfigOverEveryProtocol() throws Exception {
    requireCurl("TFTP/FTP/SFTP interop");
    int http = TestServers.freeTcpPort();
    int tftp = TestServers.freeUdpPort();
    int ftp = TestServers.freeTcpPort();
    int sftp = TestServers.freeTcpPort();
    String extra =
        String.join(
            "\n",
            "ftp: { enabled: true, listen: 127.0.0.1:"
                + ftp
                + ", users: [ { name: dev, password: pw } ] }",
            "sftp: { enabled: true, listen: 127.0.0.1:"
                + sftp
                + ", users: [ { name: dev, password: pw } ] }");
    Path cfg = TestServers.writeConfig(dir, http, tftp, extra);
    try (ZtpdServer server = TestServers.start(cfg)) {
      String expected = leafConfig(http, true);
      assertThat(expected).startsWith("set system host-name leaf1");
      assertThat(curl("tftp://127.0.0.1:" + tftp + "/config/JN0001")).isEqualTo(expected);
      assertThat(curl("ftp://dev:pw@127.0.0.1:" + ftp + "/config/JN0001")).isEqualTo(expected);
      assertThat(curl("sftp://dev:pw@127.0.0.1:" + sftp + "/config/JN0001", "--insecure"))
          .isEqualTo(expected);
      assertThat(curl("tftp://127.0.0.1:" + tftp + "/files/readme.txt"))
          .isEqualTo("hello from the file root\n");
    }
  }

  @Test
  void httpsWithASelfSignedCertificateServesConfigsAndImages() throws Exception {
    requireCurl("HTTPS interop");
    int http = TestServers.freeTcpPort();
    int https = TestServers.freeTcpPort();
    Path cfg = TestServers.writeConfig(dir, http, 0, "");
    Files.writeString(
        cfg,
        Files.readString(cfg)
            .replace(
                "max_body: 64KiB }",
                "max_body: 64KiB, tls: { listen: 127.0.0.1:" + https + ", cert: auto } }"));
    byte[] image = new byte[64 << 20];
    new java.util.Random(7).nextBytes(image);
    Files.createDirectories(dir.resolve("images"));
    Files.write(dir.resolve("images/os-64m.bin"), image);
    String sha =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(image));
    try (ZtpdServer server = TestServers.start(cfg)) {
      assertThat(server.httpsPort()).isEqualTo(https);
      assertThat(dir.resolve("data/tls/ztpd.p12")).exists();
      String expected = leafConfig(http, false);
      assertThat(curl("https://127.0.0.1:" + https + "/ztp/config/JN0001", "--insecure"))
          .isEqualTo(expected);
      assertThat(
              curl(
                  "https://127.0.0.1:" + https + "/ztp/images/os-64m.bin",
                  "--insecure",
                  "-o",
                  dir.resolve("got.bin").toString()))
          .isEmpty();
      byte[] got = Files.readAllBytes(dir.resolve("got.bin"));
      assertThat(
              java.util.HexFormat.of()
                  .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(got)))
          .isEqualTo(sha);
      assertThat(curl("https://127.0.0.1:" + https + "/ztp/images/os-64m.bin.sha256", "--insecure"))
          .startsWith(sha);
    }
    // a restart keeps the same certificate (made once, on first start)
    byte[] first = Files.readAllBytes(dir.resolve("data/tls/ztpd.p12"));
    try (ZtpdServer again = TestServers.start(cfg)) {
      assertThat(Files.readAllBytes(dir.resolve("data/tls/ztpd.p12"))).isEqualTo(first);
    }
  }

  /**
   * Creates device leaf1 (serial JN0001, juniper; in site dc1 when {@code withSite}) over the API
   * and returns its config as HTTP serves it: what every other protocol must serve too.
   */
  private static String leafConfig(int httpPort, boolean withSite) throws Exception {
    var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = "http://127.0.0.1:" + httpPort;
    String site = "";
    if (withSite) {
      put(client, base + "/api/v1/sites/dc1", "{\"name\":\"dc1\"}");
      site = ",\"site\":\"dc1\"";
    }
    put(
        client,
        base + "/api/v1/devices/leaf1",
        "{\"id\":\"leaf1\",\"hostname\":\"leaf1\",\"serial\":\"JN0001\",\"vendor\":\"juniper\""
            + site
            + "}");
    var r =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/ztp/config/JN0001")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static void put(HttpClient client, String url, String json) throws Exception {
    var r =
        client.send(
            HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url + ": " + r.body()).isIn(200, 201);
  }

  /** curl is the client here; CI installs it, so there its absence is a failure, not a skip. */
  private static void requireCurl(String what) {
    boolean present = Files.isExecutable(Path.of("/usr/bin/curl"));
    if (!present && "true".equals(System.getenv("CI")))
      throw new AssertionError("curl is missing (CI installs it)");
    Assumptions.assumeTrue(present, "curl is not installed: skipping the " + what);
  }

  private static String curl(String url, String... extra) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("curl", "-sS", "--max-time", "20"));
    cmd.addAll(List.of(extra));
    cmd.add(url);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(url + ": " + out).isZero();
    return out;
  }
}
