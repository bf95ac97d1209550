package io.ztpd.files.bench;

import io.ztpd.core.files.FileRoot;
import io.ztpd.files.StaticRootResolver;
import io.ztpd.files.tftp.TftpConfig;
import io.ztpd.files.tftp.TftpServer;
import java.net.InetAddress;
import java.nio.file.Path;

/**
 * Serves a directory over TFTP until killed — for bench/files.sh until {@code ztpd serve} wires the
 * real server. Usage: {@code StandaloneTftpMain ROOT PORT [BIND]}.
 */
public final class StandaloneTftpMain {
  private StandaloneTftpMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: StandaloneTftpMain ROOT PORT [BIND]");
      System.exit(2);
    }
    InetAddress bind = InetAddress.getByName(args.length > 2 ? args[2] : "127.0.0.1");
    TftpConfig config = TftpConfig.defaults(bind, Integer.parseInt(args[1]));
    TftpServer server =
        new TftpServer(config, new StaticRootResolver(new FileRoot(Path.of(args[0]))));
    server.start();
    System.out.println("tftp ready on " + bind.getHostAddress() + ":" + server.port());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  System.out.println("tftp stats at exit: " + server.stats());
                }));
    Thread.currentThread().join();
  }
}
