package io.ztpd.app.cli;

import io.ztpd.app.config.ConfigLoader;
import io.ztpd.app.config.ZtpdConfig;
import io.ztpd.app.server.ZtpdServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ztpd serve -c ztpd.yaml}: the production server. */
@Command(name = "serve", description = "Run ztpd from a configuration file.")
public final class ServeCommand implements Callable<Integer> {
  @Option(
      names = {"-c", "--config"},
      defaultValue = "ztpd.yaml",
      description = "configuration file (default: ${DEFAULT-VALUE})")
  Path config;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(config)) {
      throw new CliException(
          2, config + ": no such file (see examples/ztpd.yaml for an annotated one)");
    }
    ZtpdConfig c = ConfigLoader.load(config);
    runUntilStopped(new ZtpdServer(c).start());
    return 0;
  }

  /** Blocks until SIGTERM / Ctrl-C, then shuts everything down in order. */
  static void runUntilStopped(ZtpdServer server) throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stop.countDown();
                },
                "shutdown"));
    stop.await();
  }
}
