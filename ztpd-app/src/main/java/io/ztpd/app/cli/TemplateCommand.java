package io.ztpd.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ztpd template render DEVICE}: what the device would get, without delivering it. */
@Command(
    name = "template",
    description = "Work with templates.",
    subcommands = {TemplateCommand.Render.class, TemplateCommand.ListCmd.class})
public final class TemplateCommand {

  @Command(
      name = "render",
      description = "Render a device's configuration (errors name template, line and variable).")
  static final class Render implements Callable<Integer> {
    @Mixin ServerOption server;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DEVICE")
    String device;

    @Option(names = "--stage", defaultValue = "conf_min", description = "conf_min or final")
    String stage;

    @Override
    public Integer call() {
      spec.commandLine()
          .getOut()
          .print(
              server
                  .client()
                  .get(
                      "/api/v1/devices/"
                          + ApiClient.q(device)
                          + "/render?stage="
                          + ApiClient.q(stage)));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "list", description = "Template names.")
  static final class ListCmd implements Callable<Integer> {
    @Mixin ServerOption server;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      server
          .client()
          .getJson("/api/v1/templates")
          .forEach(n -> spec.commandLine().getOut().println(n.asText()));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
