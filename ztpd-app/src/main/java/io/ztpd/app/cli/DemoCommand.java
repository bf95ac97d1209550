package io.ztpd.app.cli;

import io.ztpd.app.config.ConfigLoader;
import io.ztpd.app.config.ZtpdConfig;
import io.ztpd.app.demo.DemoFiles;
import io.ztpd.app.demo.DemoSimulation;
import io.ztpd.app.server.ZtpdServer;
import io.ztpd.sim.fleet.FleetPlan;
import io.ztpd.sim.net.Fetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ztpd demo}: everything on loopback with unprivileged ports, embedded SQLite in a fresh
 * directory, the sample inventory and templates, and a fleet of devices provisioning itself.
 */
@Command(
    name = "demo",
    description = "Run ztpd on loopback with sample devices that provision themselves.")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--data", description = "data directory (default: a new temporary one)")
  Path data;

  @Option(names = "--http-port", defaultValue = "8080")
  int httpPort;

  @Option(names = "--tftp-port", defaultValue = "10069")
  int tftpPort;

  @Option(names = "--dhcp-port", defaultValue = "10067")
  int dhcpPort;

  @Option(names = "--no-fleet", description = "do not start the demo fleet")
  boolean noFleet;

  @Option(
      names = "--fleet",
      defaultValue = DEMO_FLEET,
      description = "simulated devices per persona (default: ${DEFAULT-VALUE})")
  String fleet;

  /** Three devices of every flow. */
  static final String DEMO_FLEET =
      "juniper=3,cisco-iosxe=3,cisco-pyztp=3,cisco-nxos=3,cisco-pnp=3,huawei=3,arista=3,sonic=3,"
          + "cumulus=3,aruba-cx=3";

  @Override
  public Integer call() throws Exception {
    Path dir =
        data != null ? Files.createDirectories(data) : Files.createTempDirectory("ztpd-demo-");
    DemoFiles.install(dir);
    String yaml = DemoFiles.config(dir, httpPort, tftpPort, dhcpPort);
    Files.writeString(dir.resolve("ztpd.yaml"), yaml);
    ZtpdConfig config = ConfigLoader.load(dir.resolve("ztpd.yaml"));
    ZtpdServer server = new ZtpdServer(config).start();
    server.inventory().putSite(DemoFiles.labSite(), "demo");
    String base = "http://127.0.0.1:" + server.httpPort();
    System.out.println();
    System.out.println("ztpd demo is running (data in " + dir + ")");
    System.out.println("  board         " + base + "/");
    System.out.println("  devices       " + base + "/api/v1/devices");
    System.out.println("  events (live) " + base + "/api/v1/events/stream");
    System.out.println("  OpenAPI       " + base + "/api/openapi.json");
    System.out.println("  metrics       " + base + "/metrics");
    System.out.println(
        "  TFTP          tftp://127.0.0.1:" + server.tftpPort() + "/config/<serial>");
    System.out.println(
        "  DHCP          relayed DHCP on 127.0.0.1:"
            + dhcpPort
            + " (lab site 127.20.0.0/16, relay "
            + DemoFiles.LAB_RELAY
            + ", replies to port "
            + (dhcpPort + 1)
            + ")");
    System.out.println(
        "Try: ./ztpd devices list   ./ztpd events --follow   ./ztpd template render "
            + DemoFiles.SAMPLE_DEVICE);
    System.out.println("     curl " + base + "/ztp/config/" + DemoFiles.SAMPLE_SERIAL);
    System.out.println("Stop with Ctrl-C.");
    if (!noFleet) {
      DemoSimulation sim =
          DemoSimulation.plan(
              server.inventory(),
              FleetPlan.counts(fleet),
              dhcpPort,
              dhcpPort + 1,
              new Fetcher.Ports(server.tftpPort(), server.httpPort(), 21, 22),
              SimulateCommand.sshSeam(),
              DemoFiles.DEVICE_SSH_PORT);
      System.out.println(
          "Powering on "
              + sim.size()
              + " simulated devices ("
              + fleet
              + "), two per second: watch the board.");
      Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "demo-fleet-stop"));
      Thread.ofVirtual().name("demo-fleet").start(sim);
    }
    ServeCommand.runUntilStopped(server);
    return 0;
  }
}
