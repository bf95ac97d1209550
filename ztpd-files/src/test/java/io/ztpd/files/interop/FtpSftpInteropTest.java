package io.ztpd.files.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.files.FileRoot;
import io.ztpd.core.provisioning.Protocol;
import io.ztpd.files.auth.FileUser;
import io.ztpd.files.ftp.FtpConfig;
import io.ztpd.files.ftp.FtpFileServer;
import io.ztpd.files.sftp.SftpConfig;
import io.ztpd.files.sftp.SftpFileServer;
import io.ztpd.files.tftp.RecordingResolver;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** curl over ftp:// and sftp:// against our read-only views of the resolver. */
class FtpSftpInteropTest {
  @TempDir static Path tmp;
  static RecordingResolver resolver;
  static FtpFileServer ftp;
  static SftpFileServer sftp;
  static String bigSha;
  static final List<FileUser> USERS =
      List.of(new FileUser("huawei", "s3cret", "dc1", null), FileUser.of("ops", "pw"));

  @BeforeAll
  static void start() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    bigSha = InteropFiles.writeRandom(root.resolve("image-64m.bin"), 64 << 20);
    Files.writeString(tmp.resolve("secret.txt"), "outside the root");
    resolver = new RecordingResolver(new FileRoot(root));
    InetAddress lo = InetAddress.getLoopbackAddress();
    ftp = new FtpFileServer(FtpConfig.of(lo, 0, USERS), resolver);
    ftp.start();
    sftp = new SftpFileServer(SftpConfig.of(lo, 0, USERS, tmp.resolve("keys/host.ser")), resolver);
    sftp.start();
  }

  @AfterAll
  static void stop() throws Exception {
    ftp.close();
    sftp.close();
  }

  @Test
  void curlOverFtp() throws Exception {
    ExternalTool.require("curl", "curl");
    String base = "ftp://huawei:s3cret@127.0.0.1:" + ftp.port();
    Path cfg = tmp.resolve("ftp-r1.cfg");
    ExternalTool.run(tmp, 30, "curl", "-sS", "-o", cfg.toString(), base + "/r1.cfg");
    assertThat(Files.readAllBytes(cfg)).isEqualTo(RecordingResolver.RENDERED);
    Path big = tmp.resolve("ftp-big");
    ExternalTool.run(tmp, 120, "curl", "-sS", "-o", big.toString(), base + "/image-64m.bin");
    assertThat(InteropFiles.sha256(big)).isEqualTo(bigSha);
    assertThat(resolver.requests)
        .anySatisfy(
            r -> {
              assertThat(r.protocol()).isEqualTo(Protocol.FTP);
              assertThat(r.requesterIp()).isEqualTo("127.0.0.1");
              assertThat(r.hint("user")).isEqualTo("huawei");
              assertThat(r.hint("site")).isEqualTo("dc1");
            });
    assertThat(resolver.events).contains("completed image-64m.bin " + (64 << 20));
  }

  @Test
  void ftpRefusesTraversalMissingFilesWritesAndBadLogins() throws Exception {
    ExternalTool.require("curl", "curl");
    String base = "ftp://ops:pw@127.0.0.1:" + ftp.port();
    // curl exit 9: "CWD .." answered 550; exit 78: RETR answered 550
    assertThat(curlFails("--path-as-is", base + "/../secret.txt")).startsWith("exit=9 ");
    assertThat(curlFails("--path-as-is", "--ftp-method", "nocwd", base + "/../secret.txt"))
        .startsWith("exit=78 ");
    assertThat(curlFails("--path-as-is", "--ftp-method", "nocwd", base + "/%2e%2e/secret.txt"))
        .startsWith("exit=78 ");
    assertThat(curlFails("--ftp-method", "nocwd", base + "/a/..%5c..%5csecret.txt"))
        .startsWith("exit=78 ");
    assertThat(curlFails(base + "/no-such-file")).startsWith("exit=78 ");
    assertThat(curlFails("-T", tmp.resolve("secret.txt").toString(), base + "/upload.txt"))
        .doesNotStartWith("exit=0 ");
    assertThat(curlFails("ftp://ops:wrong@127.0.0.1:" + ftp.port() + "/r1.cfg"))
        .startsWith("exit=67 ");
    assertThat(curlFails("ftp://127.0.0.1:" + ftp.port() + "/r1.cfg")) // anonymous is off
        .startsWith("exit=67 ");
  }

  static String curlFails(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null"));
    command.addAll(List.of(args));
    return ExternalTool.runFailing(tmp, 30, command.toArray(String[]::new));
  }

  @Test
  void curlOverSftp() throws Exception {
    ExternalTool.require("curl", "curl");
    String base = "sftp://127.0.0.1:" + sftp.port();
    Path cfg = tmp.resolve("sftp-r1.cfg");
    ExternalTool.run(
        tmp,
        30,
        "curl",
        "-sS",
        "-k",
        "-u",
        "huawei:s3cret",
        "-o",
        cfg.toString(),
        base + "/r1.cfg");
    assertThat(Files.readAllBytes(cfg)).isEqualTo(RecordingResolver.RENDERED);
    Path big = tmp.resolve("sftp-big");
    ExternalTool.run(
        tmp,
        180,
        "curl",
        "-sS",
        "-k",
        "-u",
        "huawei:s3cret",
        "-o",
        big.toString(),
        base + "/image-64m.bin");
    assertThat(InteropFiles.sha256(big)).isEqualTo(bigSha);
    assertThat(resolver.requests)
        .anySatisfy(
            r -> {
              assertThat(r.protocol()).isEqualTo(Protocol.SFTP);
              assertThat(r.requesterIp()).isEqualTo("127.0.0.1");
              assertThat(r.hint("user")).isEqualTo("huawei");
            });
  }

  @Test
  void sftpRefusesTraversalMissingFilesWritesAndBadLogins() throws Exception {
    ExternalTool.require("curl", "curl");
    String base = "sftp://127.0.0.1:" + sftp.port();
    // leaving the chrooted session file system, or refused by the file root (hidden name,
    // backslash): SFTP permission denied (curl exit 9)
    for (String path :
        new String[] {
          "/../secret.txt",
          "/../../../../etc/passwd",
          "/%2e%2e/secret.txt",
          "/.hidden",
          "/a/..%5c..%5csecret.txt"
        }) {
      assertThat(curlFails("-k", "--path-as-is", "-u", "ops:pw", base + path))
          .as(path)
          .startsWith("exit=9 ");
    }
    // absent: SFTP no such file (curl exit 78)
    assertThat(curlFails("-k", "-u", "ops:pw", base + "/no-such-file")).startsWith("exit=78 ");
    assertThat(
            curlFails(
                "-k",
                "-u",
                "ops:pw",
                "-T",
                tmp.resolve("secret.txt").toString(),
                base + "/upload.txt"))
        .doesNotStartWith("exit=0 ");
    assertThat(curlFails("-k", "-u", "ops:wrong", base + "/r1.cfg")).startsWith("exit=67 ");
  }
}
