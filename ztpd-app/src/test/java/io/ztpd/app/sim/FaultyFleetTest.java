package io.ztpd.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.sim.fleet.FaultRates;
import io.ztpd.sim.fleet.FleetDevice;
import io.ztpd.sim.fleet.FleetPlan;
import io.ztpd.sim.fleet.Outcome;
import io.ztpd.sim.fleet.Summary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mixed fleet on a lossy network with stalled transfers and corrupted files: every device ends
 * the way its faults predict, and ztpd's view agrees (one address per device).
 */
class FaultyFleetTest {
  @TempDir Path dir;

  @Test
  void everyOutcomeIsWhatTheFaultsPredict() throws Exception {
    List<FleetDevice> fleet =
        FleetPlan.generate(
            FleetPlan.mix(40, "all"), 21, FaultRates.parse("loss=0.1,timeout=0.3,checksum=0.2"));
    try (SimLab lab = SimLab.start(dir, Map.of("pnp_backoff_seconds", "1"), fleet)) {
      List<Outcome> out = lab.run(lab.settings().withAttempts(4, 200), fleet);
      Summary s = Summary.of(out, 1);
      assertThat(s.total().unexpected()).as(s.format() + unexpected(out)).isZero();
      assertThat(out.stream().filter(o -> o.device().faults().stalls() > 0 && o.done()))
          .as("stalled devices recovered")
          .isNotEmpty();
      List<String> ips = out.stream().filter(Outcome::done).map(Outcome::ip).toList();
      assertThat(ips).doesNotHaveDuplicates();
    }
  }

  private static String unexpected(List<Outcome> out) {
    StringBuilder b = new StringBuilder();
    for (Outcome o : out) {
      if (!o.expected()) {
        b.append('\n')
            .append(o.device().spec().id())
            .append(' ')
            .append(o.device().faults().names())
            .append(": ")
            .append(o.done() ? "done" : o.step() + " " + o.reason());
      }
    }
    return b.toString();
  }
}
