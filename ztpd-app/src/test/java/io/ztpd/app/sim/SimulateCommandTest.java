package io.ztpd.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.app.Main;
import io.ztpd.sim.fleet.FaultRates;
import io.ztpd.sim.fleet.FleetPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ztpd simulate} from the command line: plan, run, summary, exit codes. */
class SimulateCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code = Main.run(args);
    } finally {
      System.setOut(old);
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void plansAFleetThenProvisionsItAndSummarises() throws Exception {
    Path csv = dir.resolve("fleet.csv");
    Run plan =
        run(
            "simulate",
            "--fleet",
            "juniper=2,cumulus=1",
            "--seed",
            "4",
            "--write-inventory",
            csv.toString());
    assertThat(plan.code()).isZero();
    assertThat(Files.readString(csv))
        .isEqualTo(
            FleetPlan.inventoryCsv(
                FleetPlan.generate(FleetPlan.counts("juniper=2,cumulus=1"), 4, FaultRates.NONE),
                "lab"));
    try (SimLab lab =
        SimLab.start(
            dir.resolve("server"),
            Map.of(),
            FleetPlan.generate(FleetPlan.counts("juniper=2,cumulus=1"), 4, FaultRates.NONE))) {
      var t = lab.settings().target();
      Run r =
          run(
              "simulate",
              "--fleet",
              "juniper=2,cumulus=1",
              "--seed",
              "4",
              "--dhcp-port",
              Integer.toString(t.dhcpPort()),
              "--relay",
              t.relayAddress(),
              "--relay-port",
              Integer.toString(t.relayPort()),
              "--http-port",
              Integer.toString(t.ports().http()),
              "--tftp-port",
              Integer.toString(t.ports().tftp()),
              "--dhcp-wait",
              "1000");
      assertThat(r.code()).as(r.out()).isZero();
      assertThat(r.out()).contains("3 of 3 provisioned").containsPattern("juniper\\s+2\\s+0\\s+0");
    }
  }

  @Test
  void badInputIsAUsageError() {
    assertThat(Main.run("simulate", "--fleet", "nokia=3")).isEqualTo(2);
    assertThat(Main.run("simulate", "--count", "3", "--faults", "checksum=7")).isEqualTo(2);
  }
}
