package io.ztpd.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ztpd devices list|show|add|delete|reset}. */
@Command(
    name = "devices",
    description = "List, show, add and delete devices.",
    subcommands = {
      DevicesCommand.ListCmd.class,
      DevicesCommand.Show.class,
      DevicesCommand.Add.class,
      DevicesCommand.Delete.class,
      DevicesCommand.Reset.class
    })
public final class DevicesCommand {

  @Command(
      name = "list",
      description = "Devices with their stages (filtered and paged by the server).")
  static final class ListCmd implements Callable<Integer> {
    @Mixin ServerOption server;
    @Spec CommandSpec spec;

    @Option(names = "-q", description = "free-text search")
    String text;

    @Option(
        names = "--phase",
        description =
            "planned, discovered, addressed, bootstrapping, conf_min_loaded, verified, finalizing, provisioned, failed")
    String phase;

    @Option(names = "--site")
    String site;

    @Option(names = "--limit", defaultValue = "100")
    int limit;

    @Option(names = "--json", description = "print the API's JSON")
    boolean json;

    @Override
    public Integer call() {
      List<String> q = new ArrayList<>();
      q.add("limit=" + limit);
      if (text != null) q.add("q=" + ApiClient.q(text));
      if (phase != null) q.add("phase=" + ApiClient.q(phase));
      if (site != null) q.add("site=" + ApiClient.q(site));
      ApiClient api = server.client();
      String body = api.get("/api/v1/devices?" + String.join("&", q));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(body);
        out.flush();
        return 0;
      }
      JsonNode page = api.parse(body);
      Table t =
          new Table(
              "ID",
              "HOSTNAME",
              "SERIAL",
              "MAC",
              "IP",
              "VENDOR",
              "SITE",
              "PHASE",
              "CONF MIN",
              "SERIAL CHECK",
              "FINAL",
              "LAST EVENT");
      for (JsonNode d : page.path("items")) {
        JsonNode s = d.path("status");
        t.row(
            d.path("id").asText(),
            d.path("hostname").asText(),
            d.path("serial").asText(),
            d.path("mac").asText(),
            s.path("ip").asText(),
            d.path("vendor").asText(),
            d.path("site").asText(),
            s.path("phase").asText(),
            s.path("conf_min").asText(),
            s.path("serial").asText(),
            s.path("final").asText(),
            s.path("last_event").asText());
      }
      t.print(out);
      out.println(page.path("items").size() + " of " + page.path("total").asLong() + " device(s)");
      out.flush();
      return 0;
    }
  }

  @Command(name = "show", description = "One device as JSON, with its state.")
  static final class Show implements Callable<Integer> {
    @Mixin ServerOption server;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      spec.commandLine()
          .getOut()
          .println(server.client().get("/api/v1/devices/" + ApiClient.q(id)));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "add",
      description =
          "Create or replace a device from JSON (a file, or - for stdin), or from options.")
  static final class Add implements Callable<Integer> {
    @Mixin ServerOption server;
    @Spec CommandSpec spec;

    @Option(names = "--file", description = "device JSON file, - for stdin")
    String file;

    @Option(names = "--id")
    String id;

    @Option(names = "--hostname")
    String hostname;

    @Option(names = "--serial")
    String serial;

    @Option(names = "--mac")
    String mac;

    @Option(names = "--vendor")
    String vendor;

    @Option(names = "--model")
    String model;

    @Option(names = "--site")
    String site;

    @Option(names = "--group")
    String group;

    @Option(names = "--template")
    String template;

    @Override
    public Integer call() throws Exception {
      String body;
      if (file != null) {
        body =
            file.equals("-")
                ? new String(System.in.readAllBytes())
                : Files.readString(Path.of(file));
      } else {
        if (id == null) throw new CliException(2, "give --file or at least --id");
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("id", id);
        m.put("hostname", hostname != null ? hostname : id);
        m.put("serial", serial);
        m.put("mac", mac);
        m.put("vendor", vendor);
        m.put("model", model);
        m.put("site", site);
        m.put("group", group);
        m.put("template", template);
        body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m);
      }
      ApiClient api = server.client();
      String devId = api.parse(body).path("id").asText();
      spec.commandLine()
          .getOut()
          .println(api.put("/api/v1/devices/" + ApiClient.q(devId), body, "application/json"));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "delete", description = "Delete a device (its events stay on the timeline).")
  static final class Delete implements Callable<Integer> {
    @Mixin ServerOption server;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      server.client().delete("/api/v1/devices/" + ApiClient.q(id));
      return 0;
    }
  }

  @Command(name = "reset", description = "Operator reset: the device starts over as planned.")
  static final class Reset implements Callable<Integer> {
    @Mixin ServerOption server;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      server.client().post("/api/v1/devices/" + ApiClient.q(id) + "/reset", "", "application/json");
      return 0;
    }
  }
}
