package io.ztpd.files.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.files.FileRoot;
import io.ztpd.files.tftp.RecordingResolver;
import io.ztpd.files.tftp.TftpConfig;
import io.ztpd.files.tftp.TftpServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TFTP clients from Debian (curl, tftp-hpa, atftp) fetch a rendered config and a 64 MiB image
 * through our server; the bytes must match.
 */
class TftpInteropTest {
  @TempDir static Path tmp;
  static TftpServer server;
  static String port;
  static String bigSha;

  @BeforeAll
  static void start() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    bigSha = InteropFiles.writeRandom(root.resolve("image-64m.bin"), 64 << 20);
    server =
        new TftpServer(
            TftpConfig.defaults(InetAddress.getLoopbackAddress(), 0),
            new RecordingResolver(new FileRoot(root)));
    server.start();
    port = Integer.toString(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    assertThat(server.stats().activeTransfers()).isZero();
  }

  @Test
  void curl() throws Exception {
    ExternalTool.require("curl", "curl");
    for (String blksize : new String[] {"512", "1468", "65464"}) {
      Path out = tmp.resolve("curl-" + blksize);
      ExternalTool.run(
          tmp,
          120,
          "curl",
          "-sS",
          "--tftp-blksize",
          blksize,
          "-o",
          out.toString(),
          "tftp://127.0.0.1:" + port + "/image-64m.bin");
      assertThat(InteropFiles.sha256(out)).as("blksize " + blksize).isEqualTo(bigSha);
    }
    Path cfg = tmp.resolve("curl-r1.cfg");
    ExternalTool.run(
        tmp, 30, "curl", "-sS", "-o", cfg.toString(), "tftp://127.0.0.1:" + port + "/r1.cfg");
    assertThat(Files.readAllBytes(cfg)).isEqualTo(RecordingResolver.RENDERED);
  }

  @Test
  void tftpHpa() throws Exception {
    ExternalTool.require("tftp", "tftp-hpa");
    ExternalTool.run(
        tmp,
        120,
        "tftp",
        "-m",
        "binary",
        "127.0.0.1",
        port,
        "-c",
        "get",
        "image-64m.bin",
        "hpa-big");
    assertThat(InteropFiles.sha256(tmp.resolve("hpa-big"))).isEqualTo(bigSha);
    ExternalTool.run(
        tmp, 30, "tftp", "-m", "binary", "127.0.0.1", port, "-c", "get", "r1.cfg", "hpa-r1.cfg");
    assertThat(Files.readAllBytes(tmp.resolve("hpa-r1.cfg"))).isEqualTo(RecordingResolver.RENDERED);
    // netascii (tftp-hpa's default mode) turns CR LF back into the local line end
    ExternalTool.run(
        tmp,
        30,
        "tftp",
        "-m",
        "netascii",
        "127.0.0.1",
        port,
        "-c",
        "get",
        "r1.cfg",
        "hpa-ascii.cfg");
    assertThat(Files.readAllBytes(tmp.resolve("hpa-ascii.cfg")))
        .isEqualTo(RecordingResolver.RENDERED);
  }

  @Test
  void atftpWithWindowsize() throws Exception {
    ExternalTool.require("atftp", "atftp");
    for (String window : new String[] {"1", "16", "64"}) {
      Path out = tmp.resolve("atftp-" + window);
      ExternalTool.run(
          tmp,
          120,
          "atftp",
          "--get",
          "-r",
          "image-64m.bin",
          "-l",
          out.toString(),
          "--option",
          "blksize 1468",
          "--option",
          "windowsize " + window,
          "127.0.0.1",
          port);
      assertThat(InteropFiles.sha256(out)).as("windowsize " + window).isEqualTo(bigSha);
    }
    Path cfg = tmp.resolve("atftp-r1.cfg");
    ExternalTool.run(
        tmp, 30, "atftp", "--get", "-r", "r1.cfg", "-l", cfg.toString(), "127.0.0.1", port);
    assertThat(Files.readAllBytes(cfg)).isEqualTo(RecordingResolver.RENDERED);
  }
}
