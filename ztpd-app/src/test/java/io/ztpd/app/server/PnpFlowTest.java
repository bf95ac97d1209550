package io.ztpd.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Cisco PnP device against a running ztpd, over HTTP as the agent speaks it: HELLO, then a
 * work-request loop (device-info → image-install → config-upgrade → backoff terminate), each work
 * item answered by a work-response and acknowledged with bye.
 */
class PnpFlowTest {
  static final String UDI = "PID:C9300-24P,VID:V01,SN:FCW2212L0AB";
  static final String XML = "text/xml; charset=utf-8";

  @TempDir Path dir;
  private ZtpdServer server;
  private TestHttp http;

  @BeforeEach
  void start() throws Exception {
    start("");
  }

  private void start(String tls) throws Exception {
    Path cfg = TestServers.writeConfig(dir, TestServers.freeTcpPort(), 0, "");
    Files.writeString(
        cfg, Files.readString(cfg).replace("max_body: 64KiB }", "max_body: 64KiB" + tls + " }"));
    Files.writeString(
        dir.resolve("templates/cisco-pnp.j2"),
        "hostname {{ hostname }}\nusername {{ account.username }} privilege 15\nntp server {{ ntp }}\n");
    server = TestServers.start(cfg);
    http = new TestHttp(server.httpPort());
    http.put(
        "/api/v1/devices/sw1",
        "{\"id\":\"sw1\",\"hostname\":\"sw1\",\"serial\":\"FCW2212L0AB\",\"vendor\":\"cisco-pnp\",\"model\":\"C9300-24P\"}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String workRequest(String udi, String correlator) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<pnp xmlns=\"urn:cisco:pnp\" version=\"1.0\" udi=\""
        + udi
        + "\">\n"
        + "  <info xmlns=\"urn:cisco:pnp:work-info\" correlator=\""
        + correlator
        + "\">\n"
        + "    <deviceId><udi>"
        + udi
        + "</udi><hostname>Switch</hostname><authRequired>false</authRequired></deviceId>\n"
        + "  </info>\n"
        + "</pnp>\n";
  }

  static String deviceInfo(String correlator, String version) {
    return "<pnp xmlns=\"urn:cisco:pnp\" version=\"1.0\" udi=\""
        + UDI
        + "\">\n"
        + "  <response xmlns=\"urn:cisco:pnp:device-info\" correlator=\""
        + correlator
        + "\" success=\"1\">\n"
        + "    <imageInfo><versionString>Cisco IOS XE Software, Version "
        + version
        + "</versionString><imageFile>flash:packages.conf</imageFile></imageInfo>\n"
        + "    <hardwareInfo><hostname>Switch</hostname><platformName>C9300-24P</platformName>"
        + "<boardId>FCW2212L0AB</boardId></hardwareInfo>\n"
        + "    <fileSystemList><fileSystem name=\"flash\" type=\"disk\" size=\"11353194496\""
        + " freespace=\"8321499136\" readable=\"true\" writable=\"true\"/></fileSystemList>\n"
        + "  </response>\n"
        + "</pnp>\n";
  }

  static String success(String service, String correlator) {
    return "<pnp xmlns=\"urn:cisco:pnp\" version=\"1.0\" udi=\""
        + UDI
        + "\"><response xmlns=\"urn:cisco:pnp:"
        + service
        + "\" correlator=\""
        + correlator
        + "\" success=\"1\"/></pnp>";
  }

  static String bye(String correlator) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<pnp xmlns=\"urn:cisco:pnp\" version=\"1.0\" udi=\""
        + UDI
        + "\">\n"
        + "  <info xmlns=\"urn:cisco:pnp:work-info\" correlator=\""
        + correlator
        + "\">\n"
        + "    <workInfo>\n"
        + "      <bye/>\n"
        + "    </workInfo>\n"
        + "  </info>\n"
        + "</pnp>\n";
  }

  private HttpResponse<String> request(String correlator) throws Exception {
    var r = http.post("/pnp/WORK-REQUEST", XML, workRequest(UDI, correlator));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
    return r;
  }

  private void respond(String body, String correlator) throws Exception {
    var r = http.post("/pnp/WORK-RESPONSE", XML, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(bye(correlator));
  }

  @Test
  void helloDeviceInfoConfigUpgradeBye() throws Exception {
    assertThat(http.get("/pnp/HELLO").statusCode()).isEqualTo(200);
    assertThat(http.post("/pnp/HELLO", XML, "<info/>").statusCode()).isEqualTo(200);

    assertThat(request("CiscoPnP-1.0-1-AB").body())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<pnp xmlns=\"urn:cisco:pnp\" version=\"1.0\" udi=\""
                + UDI
                + "\">\n"
                + "  <request xmlns=\"urn:cisco:pnp:device-info\" correlator=\"CiscoPnP-1.0-1-AB\">\n"
                + "    <deviceInfo type=\"all\"/>\n"
                + "  </request>\n"
                + "</pnp>\n");
    respond(deviceInfo("CiscoPnP-1.0-1-AB", "17.09.04a"), "CiscoPnP-1.0-1-AB");

    String location = http.base + "/ztp/config/sw1";
    assertThat(request("CiscoPnP-1.0-2-AB").body())
        .contains(
            "<request xmlns=\"urn:cisco:pnp:config-upgrade\" correlator=\"CiscoPnP-1.0-2-AB\">")
        .contains("<location>" + location + "</location>")
        .contains("<applyTo>running</applyTo>")
        .contains("<noReload/>");
    // the device copies its configuration from ztpd: the exact rendering
    var cfg = http.get(location);
    assertThat(cfg.statusCode()).isEqualTo(200);
    assertThat(cfg.body())
        .isEqualTo("hostname sw1\nusername ztpadmin privilege 15\nntp server 192.0.2.123\n");
    respond(success("config-upgrade", "CiscoPnP-1.0-2-AB"), "CiscoPnP-1.0-2-AB");

    assertThat(request("CiscoPnP-1.0-3-AB").body())
        .contains("<request xmlns=\"urn:cisco:pnp:backoff\" correlator=\"CiscoPnP-1.0-3-AB\">")
        .contains("<reason>provisioning complete</reason>")
        .contains("<terminate/>");

    var device = http.json("/api/v1/devices/sw1");
    assertThat(device.at("/status/conf_min").asText()).isEqualTo("Loaded");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(http.kinds("sw1"))
                    .containsSubsequence(
                        "DEVICE_REPORT", // device-info requested
                        "DEVICE_REPORT", // device-info: C9300-24P runs 17.09.04a
                        "DEVICE_REPORT", // config-upgrade requested
                        "CONF_MIN_FETCHED",
                        "CONF_MIN_APPLIED"));
    assertThat(http.get("/api/v1/devices/sw1/events").body())
        .contains("device-info: C9300-24P runs 17.09.04a")
        .contains("config-upgrade applied over PnP");
  }

  @Test
  void aDifferentVersionGetsItsImageFirstWithItsMd5() throws Exception {
    byte[] image = new byte[40_000];
    new java.util.Random(3).nextBytes(image);
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(image));
    var up =
        http.putBytes(
            "/api/v1/images/cat9k_iosxe.17.12.01.SPA.bin?version=17.12.01&models=C9300-24P", image);
    assertThat(up.statusCode()).as(up.body()).isIn(200, 201);
    http.put(
        "/api/v1/devices/sw1",
        "{\"id\":\"sw1\",\"hostname\":\"sw1\",\"serial\":\"FCW2212L0AB\",\"vendor\":\"cisco-pnp\","
            + "\"model\":\"C9300-24P\",\"target_image\":\"17.12.1\"}");

    request("c1");
    respond(deviceInfo("c1", "17.09.04a"), "c1");
    String install = request("c2").body();
    assertThat(install)
        .contains("<request xmlns=\"urn:cisco:pnp:image-install\" correlator=\"c2\">")
        .contains("<location>" + http.base + "/ztp/images/cat9k_iosxe.17.12.01.SPA.bin</location>")
        .contains("<checksum>" + md5 + "</checksum>")
        .contains("<location>flash:cat9k_iosxe.17.12.01.SPA.bin</location>");
    byte[] got = http.getBytes("/ztp/images/cat9k_iosxe.17.12.01.SPA.bin").body();
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(got)))
        .isEqualTo(md5);
    respond(success("image-install", "c2"), "c2");
    // after the reload it is asked again what it runs; the new version means: configuration next
    assertThat(request("c3").body()).contains("urn:cisco:pnp:device-info");
    respond(deviceInfo("c3", "17.12.01"), "c3");
    assertThat(request("c4").body()).contains("urn:cisco:pnp:config-upgrade");
  }

  @Test
  void anErrorResponseFailsTheDeviceWithTheAgentsMessage() throws Exception {
    request("c1");
    respond(deviceInfo("c1", "17.09.04a"), "c1");
    request("c2");
    respond(
        "<pnp xmlns=\"urn:cisco:pnp\" version=\"1.0\" udi=\""
            + UDI
            + "\"><response xmlns=\"urn:cisco:pnp:config-upgrade\" correlator=\"c2\" success=\"0\">"
            + "<errorInfo><errorMessage>%Invalid input detected at line 2</errorMessage>"
            + "<errorSeverity>ERROR</errorSeverity><errorCode>PnP Error 1404</errorCode></errorInfo>"
            + "</response></pnp>",
        "c2");
    var status = http.json("/api/v1/devices/sw1").get("status");
    assertThat(status.get("phase").asText()).isEqualTo("failed");
    assertThat(status.get("failure_reason").asText())
        .isEqualTo("%Invalid input detected at line 2");
    assertThat(status.get("failure_step").asText()).isEqualTo("config-upgrade");
    // it polls again: nothing to do until an operator resets it
    assertThat(request("c3").body())
        .contains("urn:cisco:pnp:backoff")
        .contains("provisioning failed (%Invalid input detected at line 2)")
        .contains("<seconds>60</seconds>");
    assertThat(http.post("/api/v1/devices/sw1/reset", "application/json", "").statusCode())
        .isEqualTo(200);
    assertThat(request("c4").body()).contains("urn:cisco:pnp:device-info");
  }

  @Test
  void anUnknownDeviceWaitsInThePendingQueueWithItsUdi() throws Exception {
    String udi = "PID:ISR4451-X/K9,VID:V08,SN:FCZ230640AB";
    var r = http.post("/pnp/WORK-REQUEST", XML, workRequest(udi, "u1"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("<request xmlns=\"urn:cisco:pnp:backoff\" correlator=\"u1\">")
        .contains("<reason>unknown device: queued for adoption as sn-fcz230640ab</reason>")
        .contains("<seconds>60</seconds>");
    var pending = http.json("/api/v1/pending");
    assertThat(pending.findValuesAsText("id")).contains("sn-fcz230640ab");
    assertThat(http.get("/api/v1/pending").body()).contains("FCZ230640AB").contains("ISR4451-X/K9");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(http.get("/api/v1/events?kind=NOTICE").body()).contains(udi));
  }

  @Test
  void overHttpsTheConfigurationIsOfferedOverHttps() throws Exception {
    server.close();
    int https = TestServers.freeTcpPort();
    start(", tls: { listen: 127.0.0.1:" + https + ", cert: auto }");
    javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
    trustAll.init(
        null,
        new javax.net.ssl.TrustManager[] {
          new javax.net.ssl.X509TrustManager() {
            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
              return new java.security.cert.X509Certificate[0];
            }
          }
        },
        null);
    var client = java.net.http.HttpClient.newBuilder().sslContext(trustAll).build();
    String base = "https://127.0.0.1:" + https;
    java.util.function.Function<String[], String> post =
        a -> {
          try {
            return client
                .send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + a[0]))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(a[1]))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    assertThat(post.apply(new String[] {"/pnp/WORK-REQUEST", workRequest(UDI, "s1")}))
        .contains("urn:cisco:pnp:device-info");
    assertThat(post.apply(new String[] {"/pnp/WORK-RESPONSE", deviceInfo("s1", "17.09.04a")}))
        .isEqualTo(bye("s1"));
    assertThat(post.apply(new String[] {"/pnp/WORK-REQUEST", workRequest(UDI, "s2")}))
        .contains("<location>" + base + "/ztp/config/sw1</location>");
  }

  @Test
  void malformedXmlIsRefusedWithASpecificMessageAndCounted() throws Exception {
    var r = http.post("/pnp/WORK-REQUEST", XML, "<pnp xmlns=\"urn:cisco:pnp\"><info correlator=");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).startsWith("PnP WORK-REQUEST refused: malformed XML: line 1, column ");
    var noUdi =
        http.post(
            "/pnp/WORK-RESPONSE",
            XML,
            "<pnp xmlns=\"urn:cisco:pnp\"><response xmlns=\"urn:cisco:pnp:device-info\""
                + " correlator=\"c\" success=\"1\"/></pnp>");
    assertThat(noUdi.statusCode()).isEqualTo(400);
    assertThat(noUdi.body()).isEqualTo("PnP WORK-RESPONSE refused: <pnp> has no udi attribute\n");
    assertThat(http.get("/pnp/WORK-REQUEST").statusCode()).isEqualTo(405);
    assertThat(http.get("/pnp/NOPE").statusCode()).isEqualTo(404);
    assertThat(http.get("/metrics").body())
        .contains("ztpd_vendor_endpoint_total{counter=\"malformed\",endpoint=\"cisco-pnp\"} 2.0");
    // the server keeps going
    assertThat(request("ok1").body()).contains("urn:cisco:pnp:device-info");
  }
}
