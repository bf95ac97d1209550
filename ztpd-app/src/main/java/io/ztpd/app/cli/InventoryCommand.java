package io.ztpd.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ztpd inventory import|export}. */
@Command(
    name = "inventory",
    description = "Import or export the inventory (YAML, or CSV of devices).",
    subcommands = {InventoryCommand.Import.class, InventoryCommand.Export.class})
public final class InventoryCommand {

  @Command(name = "import", description = "Import a YAML or CSV file: all of it, or nothing.")
  static final class Import implements Callable<Integer> {
    @Mixin ServerOption server;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--replace", description = "remove devices that are not in the file")
    boolean replace;

    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(file)) throw new CliException(2, file + ": no such file");
      String name = file.getFileName().toString();
      String format = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? "csv" : "yaml";
      String r =
          server
              .client()
              .post(
                  "/api/v1/inventory?format="
                      + format
                      + "&mode="
                      + (replace ? "replace" : "merge")
                      + "&name="
                      + ApiClient.q(name),
                  Files.readString(file),
                  "text/plain");
      spec.commandLine().getOut().println(r);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "export", description = "Print the inventory.")
  static final class Export implements Callable<Integer> {
    @Mixin ServerOption server;
    @Spec CommandSpec spec;

    @Option(names = "--format", defaultValue = "yaml", description = "yaml or csv")
    String format;

    @Override
    public Integer call() {
      spec.commandLine()
          .getOut()
          .print(server.client().get("/api/v1/inventory?format=" + ApiClient.q(format)));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
