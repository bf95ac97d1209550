package io.ztpd.app.sim;

import io.ztpd.app.config.ConfigLoader;
import io.ztpd.app.server.ZtpdServer;
import io.ztpd.core.model.Site;
import io.ztpd.sim.device.DeviceSsh;
import io.ztpd.sim.fleet.FleetDevice;
import io.ztpd.sim.fleet.FleetPlan;
import io.ztpd.sim.fleet.Outcome;
import io.ztpd.sim.fleet.SimSettings;
import io.ztpd.sim.fleet.Simulator;
import io.ztpd.sim.fleet.Target;
import io.ztpd.sim.net.Fetcher;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real ztpd (DHCP, HTTP, TFTP on loopback, the example templates) with a "lab" site behind the
 * relay 127.20.0.1, and a simulator pointed at it: the harness of the per-flow end-to-end tests.
 */
public final class SimLab implements AutoCloseable {
  static final String RELAY = "127.20.0.1";

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  final Path dir;
  public final ZtpdServer server;
  final int dhcpPort;
  final int relayPort;
  final String base;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private SimLab(Path dir, ZtpdServer server, int dhcpPort, int relayPort) {
    this.dir = dir;
    this.server = server;
    this.dhcpPort = dhcpPort;
    this.relayPort = relayPort;
    this.base = "http://127.0.0.1:" + server.httpPort();
  }

  /** Starts ztpd with the lab site (its variables as given) and {@code fleet} in the inventory. */
  static SimLab start(Path dir, Map<String, Object> siteVariables, List<FleetDevice> fleet)
      throws Exception {
    return start(dir, siteVariables, fleet, "");
  }

  /** As above, with extra ztpd.yaml lines (e.g. {@code verify:}). */
  public static SimLab start(
      Path dir, Map<String, Object> siteVariables, List<FleetDevice> fleet, String extraConfig)
      throws Exception {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    try (Stream<Path> s = Files.list(Path.of("../examples/templates"))) {
      for (Path t : (Iterable<Path>) s::iterator) Files.copy(t, templates.resolve(t.getFileName()));
    }
    Files.createDirectories(dir.resolve("files"));
    int dhcpPort = freeUdp("127.0.0.1");
    int relayPort = freeUdp(RELAY);
    Path cfg = dir.resolve("ztpd.yaml");
    Files.writeString(
        cfg,
        String.join(
            "\n",
            "data_dir: " + dir.resolve("data"),
            "server_ip: 127.0.0.1",
            "http: { listen: 127.0.0.1:" + freeTcp() + " }",
            "tftp: { enabled: true, listen: 127.0.0.1:" + freeUdp("127.0.0.1") + " }",
            "dhcp: { enabled: true, listen: 127.0.0.1:"
                + dhcpPort
                + ", relay_reply_port: "
                + relayPort
                + ", client_port: "
                + relayPort
                + " }",
            "unknown_devices: hold",
            "templates: " + templates,
            "files: " + dir.resolve("files"),
            "images: " + Files.createDirectories(dir.resolve("images")),
            "variables: { domain: example.net }",
            extraConfig,
            ""));
    ZtpdServer server = new ZtpdServer(ConfigLoader.load(cfg)).start();
    server.inventory().putSite(site(siteVariables), "test");
    SimLab lab = new SimLab(dir, server, dhcpPort, relayPort);
    var r =
        lab.post(
            "/api/v1/inventory?format=csv&name=fleet.csv", FleetPlan.inventoryCsv(fleet, "lab"));
    if (r.statusCode() != 200) throw new IllegalStateException("inventory import: " + r.body());
    return lab;
  }

  static Site site(Map<String, Object> variables) {
    return new Site(
        "lab",
        "127.20.0.0/16",
        List.of(RELAY),
        List.of("127.20.1.1-127.20.255.254"),
        List.of(),
        RELAY,
        List.of("127.0.0.53"),
        "lab.example.net",
        List.of("127.0.0.123"),
        List.of("127.0.0.1"),
        3600,
        variables);
  }

  /** Settings for tests: files kept, short retransmission waits and retry pauses. */
  public SimSettings settings() {
    return SimSettings.defaults(
            new Target(
                "127.0.0.1",
                dhcpPort,
                RELAY,
                relayPort,
                new Fetcher.Ports(server.tftpPort(), server.httpPort(), 21, 22)))
        .withKeepFiles(true)
        .withAttempts(3, 200)
        .withTimeouts(
            new io.ztpd.sim.dhcp.DhcpClient.Timing(1_000, 4), new Fetcher.Retry(20_000, 3, 200));
  }

  /**
   * Two devices of each persona: the first with a file spoiled once (into {@code once}), the second
   * with every file spoiled (into {@code always}); the fleet of both.
   */
  static List<FleetDevice> onceAndAlways(
      Iterable<String> personas,
      long seed,
      Map<String, FleetDevice> once,
      Map<String, FleetDevice> always) {
    Map<String, Integer> two = new java.util.LinkedHashMap<>();
    for (String p : personas) two.put(p, 2);
    List<FleetDevice> fleet = new java.util.ArrayList<>();
    for (FleetDevice d : FleetPlan.generate(two, seed, io.ztpd.sim.fleet.FaultRates.NONE)) {
      boolean first = !once.containsKey(d.spec().persona());
      FleetDevice f =
          new FleetDevice(
              d.spec(),
              new io.ztpd.sim.device.DeviceFaults(first, !first, 0, 0, false, false, false, false));
      (first ? once : always).put(d.spec().persona(), f);
      fleet.add(f);
    }
    return fleet;
  }

  /** The device's status as the API shows it. */
  com.fasterxml.jackson.databind.JsonNode status(FleetDevice d) throws Exception {
    return JSON.readTree(get("/api/v1/devices/" + d.spec().id()).body()).path("status");
  }

  /** The device's events of one kind, in order, as the API shows them. */
  List<com.fasterxml.jackson.databind.JsonNode> events(FleetDevice d, String kind)
      throws Exception {
    var all = JSON.readTree(get("/api/v1/devices/" + d.spec().id() + "/events?limit=10000").body());
    List<com.fasterxml.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
    for (var e : all) if (e.path("kind").asText().equals(kind)) out.add(e);
    return out;
  }

  List<Outcome> run(SimSettings settings, List<FleetDevice> fleet) throws Exception {
    try (Simulator sim = new Simulator(settings, DeviceSsh.NONE)) {
      return sim.run(fleet, Simulator.Listener.NONE);
    }
  }

  /** Puts an image into the repository with its version. */
  void image(String name, String version, byte[] bytes) throws Exception {
    var r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/images/" + name + "?version=" + version))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) throw new IllegalStateException("image upload: " + r.body());
  }

  /** Gives an inventory device a target image. */
  void targetImage(FleetDevice d, String image) {
    var inv = server.inventory();
    var dev = inv.device(d.spec().id()).orElseThrow();
    inv.putDevice(
        new io.ztpd.core.model.Device(
            dev.id(),
            dev.hostname(),
            dev.serial(),
            dev.mac(),
            dev.vendor(),
            dev.model(),
            dev.clientId(),
            dev.circuitId(),
            dev.remoteId(),
            dev.site(),
            dev.group(),
            dev.template(),
            dev.finalTemplate(),
            image,
            dev.fixedIp(),
            dev.variables()),
        "test");
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The server's own rendering of a device's minimal configuration. */
  String render(String id) throws Exception {
    var r = get("/api/v1/devices/" + id + "/render");
    if (r.statusCode() != 200) throw new IllegalStateException("render " + id + ": " + r.body());
    return r.body();
  }

  static int freeTcp() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static int freeUdp(String host) throws IOException {
    try (DatagramSocket s =
        new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0))) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
