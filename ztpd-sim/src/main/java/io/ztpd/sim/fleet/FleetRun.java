package io.ztpd.sim.fleet;

import io.ztpd.sim.device.DeviceSsh;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code ztpd simulate} end to end: runs a fleet with live progress, prints the summary and the
 * devices whose outcome the injected faults do not explain, and says how it went.
 */
public final class FleetRun {
  /** The result: every outcome, the summary, and whether anything failed unexpectedly. */
  public record Result(List<Outcome> outcomes, Summary summary) {
    public boolean clean() {
      return summary.total().unexpected() == 0;
    }
  }

  private FleetRun() {}

  /**
   * @param out where progress and the summary go
   * @param tty whether {@code out} is a terminal (a bar redrawn in place) or a log (lines)
   * @param progressMillis period of the progress lines
   * @param listFailures how many unexpected outcomes to list (0 = none)
   * @param acks where what the server acknowledged is logged
   */
  public static Result run(
      SimSettings settings,
      List<FleetDevice> fleet,
      DeviceSsh ssh,
      PrintStream out,
      boolean tty,
      long progressMillis,
      int listFailures,
      AckLog acks)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    List<Outcome> outcomes;
    try (Simulator sim = new Simulator(settings, ssh)) {
      out.printf(
          "simulating %d device(s) through relay %s -> DHCP %s:%d%n",
          fleet.size(),
          sim.relay().address(),
          settings.target().dhcpHost(),
          settings.target().dhcpPort());
      try (Progress progress = new Progress(out, tty, fleet.size(), progressMillis)) {
        outcomes = sim.run(fleet, progress, acks);
      }
      out.printf(
          "relay: %d DHCP messages sent, %d replies, %d replies nobody waited for%n",
          sim.relay().sent(), sim.relay().received(), sim.relay().unclaimed());
    }
    Summary summary = Summary.of(outcomes, (System.nanoTime() - start) / 1_000_000L);
    out.print(summary.format());
    int listed = 0;
    for (Outcome o : outcomes) {
      if (o.expected() || listed >= listFailures) continue;
      listed++;
      out.printf(
          "  unexpected: %s (%s, %s, faults %s): %s%n",
          o.device().spec().id(),
          o.persona(),
          o.done() ? "done" : "failed at " + o.step(),
          o.device().faults().names(),
          o.done() ? "provisioned despite an injected corruption" : o.reason());
    }
    return new Result(outcomes, summary);
  }
}
