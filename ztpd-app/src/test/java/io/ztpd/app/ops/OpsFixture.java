package io.ztpd.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztpd.app.config.ConfigLoader;
import io.ztpd.app.server.ZtpdServer;
import io.ztpd.sim.ssh.DeviceSshServer;
import io.ztpd.sim.ssh.SshPersona;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real ztpd on loopback plus simulated devices with their own SSH servers: a device is created
 * over the API, fetches its minimal configuration over HTTP (which makes its account), and its
 * simulator logs in with that account, as a real device would after applying the config.
 */
final class OpsFixture implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(60);

  /** Minimal and final template per vendor, in each vendor's own syntax. */
  static final Map<String, String[]> TEMPLATES =
      Map.of(
          "arista",
          new String[] {
            "username {{ account.username }} privilege 15 secret 0 {{ account.password }}\n",
            "hostname {{ hostname }}\nbanner motd\nWelcome to {{ hostname }}\nEOF\ninterface Ethernet1\n   description uplink\nntp server 192.0.2.123\nend\n"
          },
          "cisco-iosxe",
          new String[] {
            "username {{ account.username }} privilege 15 secret 0 {{ account.password }}\n",
            "! final\nhostname {{ hostname }}\ninterface GigabitEthernet1/0/1\n description uplink\n no shutdown\nsnmp-server location dc1\nend\n"
          },
          "cisco-nxos",
          new String[] {
            "username {{ account.username }} password 0 {{ account.password }} role network-admin\n",
            "hostname {{ hostname }}\nfeature lldp\ninterface Ethernet1/1\n  description uplink\n"
          },
          "juniper",
          new String[] {
            "system { login { user {{ account.username }} { class super-user; } } }\n",
            "system {\n    host-name {{ hostname }};\n}\nsnmp {\n    location \"dc1\";\n}\n"
          },
          "huawei",
          new String[] {
            "aaa\n local-user {{ account.username }} password irreversible-cipher {{ account.password }}\n",
            "#\nsysname {{ hostname }}\n#\ninterface 10GE1/0/1\n description uplink\n#\nreturn\n"
          },
          "sonic",
          new String[] {
            "useradd -m {{ account.username }}\n",
            "{\n  \"DEVICE_METADATA\": {\"localhost\": {\"hostname\": \"{{ hostname }}\"}},\n  \"NTP_SERVER\": {\"192.0.2.123\": {}}\n}\n"
          },
          "cumulus",
          new String[] {
            "nv set system aaa user {{ account.username }} password '{{ account.password }}'\n",
            "#!/bin/bash\nset -e\nnv set system hostname {{ hostname }}\nnv set service ntp mgmt server 192.0.2.123\nnv config apply -y\nexit 0\n"
          },
          "aruba-cx",
          new String[] {
            "user {{ account.username }} group administrators password plaintext {{ account.password }}\n",
            "hostname {{ hostname }}\nbanner motd !\nWelcome\n!\ninterface 1/1/1\n    no shutdown\n"
          },
          "cisco-pnp",
          new String[] {
            "username {{ account.username }} privilege 15 secret 0 {{ account.password }}\n",
            "hostname {{ hostname }}\nip domain name example.net\n"
          });

  final ZtpdServer server;
  final String base;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  final ObjectMapper json = new ObjectMapper();
  private final List<DeviceSshServer> sims = new ArrayList<>();
  private String authorization;

  private OpsFixture(ZtpdServer server) {
    this.server = server;
    this.base = "http://127.0.0.1:" + server.httpPort();
  }

  /** A ztpd with quick retries ({@code attempts} at 100 ms, then 200 ms ...) and extra config. */
  static OpsFixture start(Path dir, int attempts, String extra) throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    for (var e : TEMPLATES.entrySet()) {
      Files.writeString(templates.resolve(e.getKey() + ".j2"), e.getValue()[0]);
      Files.writeString(templates.resolve(e.getKey() + "-final.j2"), e.getValue()[1]);
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path cfg = dir.resolve("ztpd.yaml");
    Files.writeString(
        cfg,
        String.join(
            "\n",
            "data_dir: " + dir.resolve("data"),
            "server_ip: 127.0.0.1",
            "http: { listen: 127.0.0.1:" + port + " }",
            "tftp: { enabled: false }",
            "templates: " + templates,
            "files: " + Files.createDirectories(dir.resolve("files")),
            "images: " + dir.resolve("images"),
            "verify: { serial_check: auto, delay: 0s, attempts: "
                + attempts
                + ", backoff: 100ms, max_backoff: 1s, timeout: 20s }",
            extra,
            ""));
    return new OpsFixture(new ZtpdServer(ConfigLoader.load(cfg)).start());
  }

  void login(String user, String password) {
    authorization =
        user == null
            ? null
            : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }

  HttpResponse<String> send(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) b.header("Content-Type", "application/json");
    if (authorization != null) b.header("Authorization", authorization);
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(method + " " + path + ": " + e, e);
    }
  }

  JsonNode get(String path) {
    HttpResponse<String> r = send("GET", path, null);
    assertThat(r.statusCode()).as("GET " + path + ": " + r.body()).isEqualTo(200);
    return tree(r);
  }

  JsonNode tree(HttpResponse<String> r) {
    try {
      return json.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError(r.body(), e);
    }
  }

  /** Creates a device whose SSH port is {@code sshPort}; returns its id. */
  void device(String id, String vendor, String serial, String group, int sshPort) {
    String body =
        "{\"id\":\""
            + id
            + "\",\"hostname\":\""
            + id
            + ".dc1\",\"serial\":\""
            + serial
            + "\",\"vendor\":\""
            + vendor
            + "\""
            + (group == null ? "" : ",\"group\":\"" + group + "\"")
            + ",\"variables\":{\"ssh_port\":"
            + sshPort
            + "}}";
    HttpResponse<String> r = send("PUT", "/api/v1/devices/" + id, body);
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
  }

  /**
   * Creates the device, makes its account (a render), starts its simulator with that account and
   * lets the device fetch its minimal configuration: the serial check starts.
   */
  DeviceSshServer deviceWithSsh(
      String id, String vendor, String declared, String real, String group) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    device(id, vendor, declared, group, port);
    assertThat(send("GET", "/api/v1/devices/" + id + "/render", null).statusCode()).isEqualTo(200);
    JsonNode account = get("/api/v1/devices/" + id + "/account");
    DeviceSshServer sim =
        DeviceSshServer.start(
            "127.0.0.1",
            port,
            new SshPersona(
                vendor,
                id + ".dc1",
                real,
                null,
                account.get("username").asText(),
                account.get("password").asText()));
    sims.add(sim);
    fetchConfMin(id);
    return sim;
  }

  void fetchConfMin(String id) {
    HttpResponse<String> r = send("GET", "/ztp/config/" + id, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  JsonNode status(String id) {
    return get("/api/v1/devices/" + id).get("status");
  }

  void awaitStatus(String id, String field, String value) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(status(id).get(field).asText()).isEqualTo(value));
  }

  List<JsonNode> events(String id, String kind) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : get("/api/v1/devices/" + id + "/events")) {
      if (e.get("kind").asText().equals(kind)) out.add(e);
    }
    return out;
  }

  JsonNode awaitJob(long job, String state) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> assertThat(get("/api/v1/jobs/" + job).get("state").asText()).isEqualTo(state));
    return get("/api/v1/jobs/" + job);
  }

  @Override
  public void close() {
    sims.forEach(DeviceSshServer::close);
    server.close();
  }
}
