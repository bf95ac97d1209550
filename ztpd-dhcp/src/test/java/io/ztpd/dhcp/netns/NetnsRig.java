package io.ztpd.dhcp.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces joined by a veth pair: ztpd's standalone DHCP server in one (bound to
 * 0.0.0.0:67 and its veth end), a real DHCP client in the other. Nothing leaves the pair.
 */
final class NetnsRig implements AutoCloseable {
  final String serverNs;
  final String clientNs;
  final String serverIf;
  final String clientIf;
  final String serverIp;
  private Process server;

  NetnsRig(String suffix, String serverIp) {
    serverNs = "ztpds" + suffix;
    clientNs = "ztpdc" + suffix;
    serverIf = "zsv" + suffix;
    clientIf = "zcv" + suffix;
    this.serverIp = serverIp;
  }

  void up() throws Exception {
    run("ip", "netns", "add", serverNs);
    run("ip", "netns", "add", clientNs);
    run("ip", "link", "add", serverIf, "type", "veth", "peer", "name", clientIf);
    run("ip", "link", "set", serverIf, "netns", serverNs);
    run("ip", "link", "set", clientIf, "netns", clientNs);
    run("ip", "-n", serverNs, "addr", "add", serverIp + "/24", "dev", serverIf);
    run("ip", "-n", serverNs, "link", "set", serverIf, "up");
    run("ip", "-n", serverNs, "link", "set", "lo", "up");
    run("ip", "-n", clientNs, "link", "set", clientIf, "up");
    run("ip", "-n", clientNs, "link", "set", "lo", "up");
  }

  /** Starts the standalone server in the server namespace; returns once it listens. */
  void startServer(Path data, String subnet, String pool) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    server =
        new ProcessBuilder(
                "ip",
                "netns",
                "exec",
                serverNs,
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Xmx128m",
                "io.ztpd.dhcp.bench.StandaloneDhcpMain",
                "--bind",
                "0.0.0.0",
                "--port",
                "67",
                "--client-port",
                "68",
                "--relay-reply-port",
                "67",
                "--data",
                data.toString(),
                "--subnet",
                subnet,
                "--pool",
                pool,
                "--relays",
                "none",
                "--server-id",
                serverIp,
                "--interfaces",
                serverIf)
            .redirectErrorStream(true)
            .redirectOutput(data.resolveSibling("server.log").toFile())
            .start();
    Path log = data.resolveSibling("server.log");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains("READY")) return;
      if (!server.isAlive()) break;
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "server did not start: " + (Files.exists(log) ? Files.readString(log) : ""));
  }

  /** Runs a command in the client namespace; returns its output. */
  String inClient(int timeoutSeconds, String... cmd) throws Exception {
    List<String> full =
        new ArrayList<>(
            List.of("timeout", Integer.toString(timeoutSeconds), "ip", "netns", "exec", clientNs));
    full.addAll(List.of(cmd));
    return run(full.toArray(String[]::new));
  }

  static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    if (p.exitValue() != 0)
      throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + out);
    return out;
  }

  @Override
  public void close() {
    if (server != null) {
      server.destroy();
      try {
        server.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server.destroyForcibly();
    }
    for (String ns : List.of(clientNs, serverNs)) {
      try {
        run("ip", "netns", "del", ns); // deleting a namespace removes its veth end too
      } catch (Exception e) {
        System.out.println("cleanup: " + e.getMessage());
      }
    }
  }
}
