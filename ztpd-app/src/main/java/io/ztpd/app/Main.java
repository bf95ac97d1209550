package io.ztpd.app;

import io.ztpd.app.cli.CliException;
import io.ztpd.app.cli.DemoCommand;
import io.ztpd.app.cli.DevicesCommand;
import io.ztpd.app.cli.EventsCommand;
import io.ztpd.app.cli.ExportCommand;
import io.ztpd.app.cli.HashPasswordCommand;
import io.ztpd.app.cli.ImagesCommand;
import io.ztpd.app.cli.InventoryCommand;
import io.ztpd.app.cli.LeasesCommand;
import io.ztpd.app.cli.PendingCommand;
import io.ztpd.app.cli.ServeCommand;
import io.ztpd.app.cli.SimulateCommand;
import io.ztpd.app.cli.TemplateCommand;
import io.ztpd.app.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ztpd} command line. */
@Command(
    name = "ztpd",
    mixinStandardHelpOptions = true,
    version = "ztpd 0.1.0",
    description = "Zero Touch Provisioning server for network devices.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      DevicesCommand.class,
      InventoryCommand.class,
      TemplateCommand.class,
      EventsCommand.class,
      PendingCommand.class,
      LeasesCommand.class,
      ExportCommand.class,
      ImagesCommand.class,
      HashPasswordCommand.class,
      SimulateCommand.class
    })
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (tests call this). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          if (ex instanceof CliException c) {
            cmd.getErr().println("ztpd: " + c.getMessage());
            return c.exitCode();
          }
          if (ex instanceof ConfigException c) {
            cmd.getErr().println("ztpd: configuration errors:");
            c.problems().forEach(p -> cmd.getErr().println("  " + p));
            return 2;
          }
          throw ex;
        });
    return cl.execute(args);
  }
}
