package io.ztpd.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ztpd events [--device X] [--follow]}: the timeline, and then live. */
@Command(
    name = "events",
    description = "Show the event timeline; --follow keeps streaming new events.")
public final class EventsCommand implements Callable<Integer> {
  @Mixin ServerOption server;
  @Spec CommandSpec spec;

  @Option(
      names = {"-d", "--device"},
      description = "only this device")
  String device;

  @Option(
      names = {"-f", "--follow"},
      description = "stream new events as they happen")
  boolean follow;

  @Option(
      names = {"-n", "--limit"},
      defaultValue = "50",
      description = "how many past events")
  int limit;

  @Option(names = "--json", description = "one JSON object per line")
  boolean json;

  @Override
  public Integer call() {
    ApiClient api = server.client();
    PrintWriter out = spec.commandLine().getOut();
    String filter = device == null ? "" : "&device=" + ApiClient.q(device);
    long last = 0;
    for (JsonNode e : api.getJson("/api/v1/events?limit=" + limit + filter)) {
      print(out, e);
      last = e.path("seq").asLong();
    }
    out.flush();
    if (follow) {
      api.stream(
          "/api/v1/events/stream?after=" + last + filter,
          data -> {
            print(out, api.parse(data).path("event"));
            out.flush();
          });
    }
    return 0;
  }

  private void print(PrintWriter out, JsonNode e) {
    if (json) {
      out.println(e.toString());
      return;
    }
    out.printf(
        "%8d  %s  %-14s %-20s %-6s %s%n",
        e.path("seq").asLong(),
        e.path("time").asText(),
        e.path("device_id").isNull() ? "-" : e.path("device_id").asText(),
        e.path("kind").asText(),
        e.path("source").asText(),
        e.path("detail").asText());
  }
}
