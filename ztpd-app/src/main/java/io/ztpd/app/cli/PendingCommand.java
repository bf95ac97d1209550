package io.ztpd.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ztpd pending list|adopt|reject}: unknown devices waiting for an operator. */
@Command(
    name = "pending",
    description = "Unknown devices: list, adopt, reject.",
    subcommands = {
      PendingCommand.ListCmd.class,
      PendingCommand.Adopt.class,
      PendingCommand.Reject.class
    })
public final class PendingCommand {

  @Command(name = "list")
  static final class ListCmd implements Callable<Integer> {
    @Mixin ServerOption server;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Table t =
          new Table(
              "ID", "STATE", "MAC", "SERIAL", "VENDOR", "MODEL", "SEEN", "LAST SEEN", "SOURCE");
      for (JsonNode p : server.client().getJson("/api/v1/pending")) {
        JsonNode i = p.path("identity");
        t.row(
            p.path("id").asText(),
            p.path("state").asText(),
            i.path("mac").asText(),
            i.path("serial").asText(),
            i.path("vendor").asText(),
            i.path("model").asText(),
            p.path("seen_count").asLong(),
            p.path("last_seen").asText(),
            p.path("source").asText());
      }
      t.print(spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(name = "adopt", description = "Adopt a pending device into the inventory.")
  static final class Adopt implements Callable<Integer> {
    @Mixin ServerOption server;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--hostname")
    String hostname;

    @Option(names = "--site")
    String site;

    @Option(names = "--group")
    String group;

    @Option(names = "--template")
    String template;

    @Override
    public Integer call() throws Exception {
      Map<String, String> m = new LinkedHashMap<>();
      if (hostname != null) m.put("hostname", hostname);
      if (site != null) m.put("site", site);
      if (group != null) m.put("group", group);
      if (template != null) m.put("template", template);
      spec.commandLine()
          .getOut()
          .println(
              server
                  .client()
                  .post(
                      "/api/v1/pending/" + ApiClient.q(id) + "/adopt",
                      new ObjectMapper().writeValueAsString(m),
                      "application/json"));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "reject", description = "Reject a pending device: ztpd stops answering it.")
  static final class Reject implements Callable<Integer> {
    @Mixin ServerOption server;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      server
          .client()
          .post("/api/v1/pending/" + ApiClient.q(id) + "/reject", "", "application/json");
      return 0;
    }
  }
}
