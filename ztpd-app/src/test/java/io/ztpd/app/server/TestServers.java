package io.ztpd.app.server;

import io.ztpd.app.config.ConfigLoader;
import io.ztpd.app.config.ZtpdConfig;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A ztpd on loopback with free ports and its own data directory, for integration tests. */
public final class TestServers {
  private TestServers() {}

  public static int freeTcpPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Writes templates and a ztpd.yaml under {@code dir}; returns the config file. */
  public static Path writeConfig(Path dir, int httpPort, int tftpPort, String extra)
      throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(
        templates.resolve("juniper.j2"),
        "set system host-name {{ hostname }}\nset system ntp server {{ ntp }}\nset system login user {{ account.username }}\n");
    Files.writeString(
        templates.resolve("broken.j2"),
        "set system host-name {{ hostname }}\n\nset vlans {{ vlan_name }}\n");
    Files.createDirectories(dir.resolve("files"));
    Files.writeString(dir.resolve("files/readme.txt"), "hello from the file root\n");
    Files.writeString(dir.resolve("secret.txt"), "root:x:0:0 not for devices\n");
    Path cfg = dir.resolve("ztpd.yaml");
    Files.writeString(
        cfg,
        String.join(
            "\n",
            "data_dir: " + dir.resolve("data"),
            "server_ip: 127.0.0.1",
            "http: { listen: 127.0.0.1:" + httpPort + ", max_body: 64KiB }",
            "tftp: { enabled: "
                + (tftpPort > 0)
                + ", listen: 127.0.0.1:"
                + Math.max(tftpPort, 1)
                + " }",
            "templates: " + templates,
            "files: " + dir.resolve("files"),
            "images: " + dir.resolve("images"),
            "variables: { ntp: 192.0.2.123 }",
            extra,
            ""));
    return cfg;
  }

  public static ZtpdServer start(Path cfg) throws IOException {
    ZtpdConfig c = ConfigLoader.load(cfg);
    return new ZtpdServer(c).start();
  }
}
