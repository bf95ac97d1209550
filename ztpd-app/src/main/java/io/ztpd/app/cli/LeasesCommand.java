package io.ztpd.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ztpd leases}. */
@Command(name = "leases", description = "Addresses held by devices.")
public final class LeasesCommand implements Callable<Integer> {
  @Mixin ServerOption server;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Table t = new Table("IP", "MAC", "DEVICE", "SITE", "STATE", "EXPIRES");
    for (JsonNode l : server.client().getJson("/api/v1/leases")) {
      t.row(
          l.path("ip").asText(),
          l.path("mac").asText(),
          l.path("device_id").asText(),
          l.path("site").asText(),
          l.path("state").asText(),
          l.path("expires").asText());
    }
    t.print(spec.commandLine().getOut());
    return 0;
  }
}
