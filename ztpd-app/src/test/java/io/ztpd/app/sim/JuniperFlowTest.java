package io.ztpd.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.sim.fleet.FaultRates;
import io.ztpd.sim.fleet.FleetDevice;
import io.ztpd.sim.fleet.FleetPlan;
import io.ztpd.sim.fleet.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Juniper ZTP from power-on through the relay to Conf Min Loaded on a real ztpd. */
class JuniperFlowTest {
  @TempDir Path dir;

  @Test
  void aJuniperLeasesFetchesItsRenderedConfigAndLoadsConfMin() throws Exception {
    List<FleetDevice> fleet = FleetPlan.generate(Map.of("juniper", 2), 7, FaultRates.NONE);
    try (SimLab lab = SimLab.start(dir, Map.of(), fleet)) {
      List<Outcome> out = lab.run(lab.settings(), fleet);
      for (Outcome o : out) {
        assertThat(o.done()).as(o.reason() + " " + o.run().steps()).isTrue();
        String id = o.device().spec().id();
        byte[] got = o.run().fetched().getLast().bytes();
        assertThat(new String(got, StandardCharsets.UTF_8)).isEqualTo(lab.render(id));
        assertThat(o.ip()).startsWith("127.20.");
        assertThat(o.run().account()).isNotNull();
        assertThat(lab.get("/api/v1/devices/" + id).body()).contains("\"conf_min\":\"Loaded\"");
      }
    }
  }
}
