package io.ztpd.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
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
 * An Arista switch against a running ztpd, over the ZTPServer API as its bootstrap speaks it:
 * bootstrap → bootstrap/config → POST /nodes → its definition → actions and their metadata → the
 * startup-config → a report.
 */
class AristaFlowTest {
  static final String JSON = "application/json";

  @TempDir Path dir;
  private ZtpdServer server;
  private TestHttp http;

  @BeforeEach
  void start() throws Exception {
    Path cfg = TestServers.writeConfig(dir, TestServers.freeTcpPort(), 0, "");
    Files.writeString(
        dir.resolve("templates/arista.j2"),
        "hostname {{ hostname }}\nusername {{ account.username }} privilege 15 role network-admin\n");
    server = TestServers.start(cfg);
    http = new TestHttp(server.httpPort());
    http.put(
        "/api/v1/devices/leaf1",
        "{\"id\":\"leaf1\",\"hostname\":\"leaf1\",\"serial\":\"JPE11111111\",\"vendor\":\"arista\"}");
    http.put(
        "/api/v1/devices/leaf2",
        "{\"id\":\"leaf2\",\"hostname\":\"leaf2\",\"vendor\":\"arista\",\"variables\":"
            + "{\"lldp_neighbors\":[\"Ethernet49:spine1:Ethernet2\",\"Ethernet50:spine2:Ethernet2\"]}}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String facts(String serial, String mac, String neighbors) {
    return "{\"model\":\"DCS-7050TX-64\",\"serialnumber\":\""
        + serial
        + "\",\"systemmac\":\""
        + mac
        + "\",\"version\":\"4.30.1F\",\"neighbors\":"
        + neighbors
        + "}";
  }

  static String sha1(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b));
  }

  @Test
  void bootstrapNodesDefinitionActionsStartupConfig() throws Exception {
    var boot = http.get("/bootstrap");
    assertThat(boot.statusCode()).isEqualTo(200);
    assertThat(boot.headers().firstValue("Content-Type").orElse("")).startsWith("text/x-python");
    assertThat(boot.body()).contains("SERVER = '" + http.base + "'");

    var conf = http.get("/bootstrap/config");
    assertThat(conf.headers().firstValue("Content-Type").orElse("")).startsWith(JSON);
    assertThat(conf.body()).isEqualTo("{\"logging\":[],\"xmpp\":{}}");

    var posted = http.post("/nodes", JSON, facts("JPE11111111", "00:1c:73:00:00:11", "{}"));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    assertThat(posted.headers().firstValue("Location")).hasValue("/nodes/leaf1");
    assertThat(posted.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    // a switch that runs its bootstrap again finds itself already defined
    var again = http.post("/nodes", JSON, facts("JPE11111111", "00:1c:73:00:00:11", "{}"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Location")).hasValue("/nodes/leaf1");

    var def = http.get("/nodes/leaf1");
    assertThat(def.statusCode()).as(def.body()).isEqualTo(200);
    assertThat(def.headers().firstValue("Content-Type").orElse("")).startsWith(JSON);
    assertThat(def.body())
        .isEqualTo(
            "{\"name\":\"ztpd leaf1\",\"actions\":[{\"name\":\"install startup-config\","
                + "\"action\":\"replace_config\",\"always_execute\":true,\"attributes\":{\"url\":\""
                + http.base
                + "/nodes/leaf1/startup-config\"},\"onstart\":\"installing the startup-config from"
                + " ztpd\",\"onsuccess\":\"install startup-config: done\",\"onfailure\":\"install"
                + " startup-config: failed\"}]}");

    var action = http.getBytes("/actions/replace_config");
    assertThat(action.headers().firstValue("Content-Type").orElse("")).startsWith("text/x-python");
    assertThat(new String(action.body(), StandardCharsets.UTF_8)).contains("def main(attributes):");
    var actionMeta = new ObjectMapper().readTree(http.get("/meta/actions/replace_config").body());
    assertThat(actionMeta.get("size").asLong()).isEqualTo(action.body().length);
    assertThat(actionMeta.get("sha1").asText()).isEqualTo(sha1(action.body()));

    String expected = "hostname leaf1\nusername ztpadmin privilege 15 role network-admin\n";
    var meta = http.get("/meta/nodes/leaf1/startup-config");
    assertThat(meta.body())
        .isEqualTo(
            "{\"size\":"
                + expected.length()
                + ",\"sha1\":\""
                + sha1(expected.getBytes(StandardCharsets.UTF_8))
                + "\"}");
    var config = http.get("/nodes/leaf1/startup-config");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(config.body()).isEqualTo(expected);

    var report =
        http.post(
            "/ztp/report",
            JSON,
            "{\"device\":\"leaf1\",\"status\":\"applied\",\"step\":\"config\",\"message\":\"definition applied\"}");
    assertThat(report.statusCode()).isEqualTo(202);
    assertThat(http.json("/api/v1/devices/leaf1").at("/status/conf_min").asText())
        .isEqualTo("Loaded");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(http.kinds("leaf1"))
                    .containsSubsequence(
                        "DEVICE_REPORT", "DEVICE_REPORT", "CONF_MIN_FETCHED", "CONF_MIN_APPLIED"));
    assertThat(http.get("/api/v1/devices/leaf1/events").body())
        .contains("registered as a ZTPServer node (matched by serial)")
        .contains("ZTPServer definition sent: replace_config");
  }

  @Test
  void anUnknownSerialIsMatchedByItsLldpNeighbours() throws Exception {
    String neighbors =
        "{\"Ethernet49\":[{\"device\":\"spine1.dc1.example.com\",\"port\":\"Ethernet2\"}],"
            + "\"Ethernet50\":[{\"device\":\"spine2\",\"port\":\"Ethernet2\"}],"
            + "\"Management1\":[{\"device\":\"oob\",\"port\":\"Gi0/7\"}]}";
    var posted = http.post("/nodes", JSON, facts("JPE99999999", "00:1c:73:00:00:99", neighbors));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    assertThat(posted.headers().firstValue("Location")).hasValue("/nodes/leaf2");
    assertThat(http.get("/nodes/leaf2").body()).contains("/nodes/leaf2/startup-config");
    assertThat(http.get("/nodes/leaf2/startup-config").body()).startsWith("hostname leaf2\n");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(http.get("/api/v1/devices/leaf2/events").body())
                    .contains("matched by lldp")
                    .contains("JPE99999999"));
    // on another port of spine2: nobody planned there, the switch waits for adoption
    String elsewhere =
        "{\"Ethernet49\":[{\"device\":\"spine1\",\"port\":\"Ethernet2\"}],"
            + "\"Ethernet50\":[{\"device\":\"spine2\",\"port\":\"Ethernet9\"}]}";
    var unknown = http.post("/nodes", JSON, facts("JPE00000000", "00:1c:73:00:00:00", elsewhere));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(unknown.body()).contains("queued for adoption as sn-jpe00000000");
    assertThat(http.json("/api/v1/pending").findValuesAsText("id")).contains("sn-jpe00000000");
  }

  @Test
  void filesImagesAndTheirMetadataComeFromTheFileRootAndTheRepository() throws Exception {
    var readme = http.get("/files/readme.txt");
    assertThat(readme.statusCode()).isEqualTo(200);
    assertThat(readme.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(readme.body()).isEqualTo("hello from the file root\n");
    assertThat(http.get("/meta/files/readme.txt").body())
        .isEqualTo(
            "{\"size\":25,\"sha1\":\""
                + sha1("hello from the file root\n".getBytes(StandardCharsets.UTF_8))
                + "\"}");
    assertThat(http.get("/files/../secret.txt").statusCode()).isIn(400, 404);
    assertThat(http.get("/files/%2e%2e/secret.txt").body()).doesNotContain("root:x");
    assertThat(http.get("/files/nope.txt").statusCode()).isEqualTo(404);

    byte[] swi = new byte[30_000];
    new java.util.Random(5).nextBytes(swi);
    var up = http.putBytes("/api/v1/images/EOS-4.31.2F.swi?version=4.31.2F", swi);
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    http.put(
        "/api/v1/devices/leaf1",
        "{\"id\":\"leaf1\",\"hostname\":\"leaf1\",\"serial\":\"JPE11111111\",\"vendor\":\"arista\","
            + "\"target_image\":\"4.31.2F\"}");
    String def = http.get("/nodes/leaf1").body();
    assertThat(def)
        .startsWith(
            "{\"name\":\"ztpd leaf1\",\"actions\":[{\"name\":\"install image\",\"action\":\"install_image\","
                + "\"always_execute\":true,\"attributes\":{\"url\":\""
                + http.base
                + "/files/images/EOS-4.31.2F.swi\",\"version\":\"4.31.2F\"}");
    assertThat(def).contains("\"action\":\"replace_config\"");
    var image = http.getBytes("/files/images/EOS-4.31.2F.swi");
    assertThat(image.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(image.body()).isEqualTo(swi);
    assertThat(http.get("/meta/files/images/EOS-4.31.2F.swi").body())
        .isEqualTo("{\"size\":30000,\"sha1\":\"" + sha1(swi) + "\"}");
  }

  @Test
  void badInputGetsSpecificErrors() throws Exception {
    var bad = http.post("/nodes", JSON, "{\"serialnumber\":");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).startsWith("POST /nodes refused: invalid JSON: ");
    assertThat(http.post("/nodes", JSON, "{\"model\":\"vEOS\"}").body())
        .isEqualTo("POST /nodes refused: node facts need 'serialnumber' or 'systemmac'\n");
    assertThat(http.get("/nodes/nobody").statusCode()).isEqualTo(400);
    assertThat(http.get("/actions/nope").statusCode()).isEqualTo(404);
    assertThat(http.get("/meta/other/x").statusCode()).isEqualTo(404);
    assertThat(http.get("/nodes").statusCode()).isEqualTo(405);
    // a target image that is not in the repository fails the device with that reason
    http.put(
        "/api/v1/devices/leaf1",
        "{\"id\":\"leaf1\",\"hostname\":\"leaf1\",\"serial\":\"JPE11111111\",\"vendor\":\"arista\","
            + "\"target_image\":\"9.9.9\"}");
    assertThat(http.get("/nodes/leaf1").body())
        .contains("target image '9.9.9' is not in the image repository");
    assertThat(http.json("/api/v1/devices/leaf1").at("/status/phase").asText()).isEqualTo("failed");
    assertThat(http.get("/metrics").body())
        .contains(
            "ztpd_vendor_endpoint_total{counter=\"nodes_malformed\",endpoint=\"arista\"} 2.0");
  }
}
