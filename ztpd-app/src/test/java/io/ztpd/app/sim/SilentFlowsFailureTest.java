package io.ztpd.app.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztpd.sim.fleet.FleetDevice;
import io.ztpd.sim.fleet.Outcome;
import io.ztpd.sim.fleet.Simulator;
import io.ztpd.sim.fleet.SshServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The failure paths of the flows that cannot report a failure (AutoInstall, Aruba CX, Junos
 * configuration mode, SONiC, Cumulus) on a real ztpd: a file the device rejects once is fetched
 * again — a {@code FETCH_RETRIED} event — and the device ends verified; a file rejected every time
 * makes the device stop without a word, and ztpd's give-up timeout (4 s here) marks it failed with
 * the step it went silent in and its last event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SilentFlowsFailureTest {
  private static final List<String> PERSONAS =
      List.of("cisco-iosxe", "aruba-cx", "juniper", "sonic", "cumulus");

  private final Map<String, FleetDevice> once = new LinkedHashMap<>();
  private final Map<String, FleetDevice> always = new LinkedHashMap<>();
  private SimLab lab;
  private int sshPort;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    List<FleetDevice> fleet = SimLab.onceAndAlways(PERSONAS, 9, once, always);
    sshPort = SimLab.freeTcp();
    lab =
        SimLab.start(
            dir,
            Map.of("ssh_port", sshPort),
            fleet,
            String.join(
                "\n",
                "lifecycle: { give_up_after: 4s }",
                "verify: { serial_check: auto, delay: 0s, attempts: 6, backoff: 200ms,"
                    + " max_backoff: 1s, timeout: 20s }"));
  }

  @AfterAll
  void stop() {
    if (lab != null) lab.close();
  }

  /**
   * @param persona the flow
   * @param file what the device fetches again (part of the path)
   */
  @ParameterizedTest(name = "{0}: rejected once")
  @CsvSource({
    "cisco-iosxe, -confg",
    "aruba-cx, aruba/",
    "juniper, juniper/",
    "sonic, sonic/ztp.json",
    "cumulus, cumulus/ztp.sh"
  })
  void aFileRejectedOnceIsFetchedAgainAndTheDeviceIsVerified(String persona, String file)
      throws Exception {
    FleetDevice d = once.get(persona);
    try (Simulator sim = new Simulator(lab.settings().withSshPort(sshPort), new SshServers())) {
      Outcome o = sim.run(List.of(d), Simulator.Listener.NONE).getFirst();
      assertThat(o.done()).as(o.step() + ": " + o.reason()).isTrue();
      assertThat(o.corrupted()).as("files rejected").isEqualTo(1);
      assertThat(o.expected()).isTrue();
      // the device's SSH server lives as long as the simulator: the serial check ends it
      await()
          .atMost(Duration.ofSeconds(120))
          .untilAsserted(
              () -> assertThat(lab.status(d).path("phase").asText()).isEqualTo("verified"));
    }
    assertThat(lab.status(d).path("attempt").asInt()).as("never given up").isEqualTo(1);
    List<JsonNode> retries = lab.events(d, "FETCH_RETRIED");
    assertThat(retries).hasSize(1);
    JsonNode r = retries.getFirst();
    assertThat(r.path("source").asText()).isEqualTo("ztpd");
    assertThat(r.path("data").path("path").asText()).contains(file);
    assertThat(r.path("data").path("count").asText()).isEqualTo("2");
    assertThat(r.path("detail").asText())
        .isEqualTo("fetched " + r.path("data").path("path").asText() + " again (fetch 2)");
    assertThat(lab.events(d, "DEVICE_FAILED")).isEmpty();
  }

  /**
   * @param persona the flow
   * @param deviceStep where the simulated device stopped
   * @param file what the device fetched again and again (part of the path)
   * @param phase the step ztpd names: the phase the device went silent in
   * @param after what the reason names as the last thing that happened
   */
  @ParameterizedTest(name = "{0}: rejected every time")
  @CsvSource({
    "cisco-iosxe, config, -confg, conf_min_loaded, serial check failed",
    "aruba-cx, config, aruba/, conf_min_loaded, serial check failed",
    "juniper, config, juniper/, conf_min_loaded, serial check failed",
    "sonic, ztp.json, sonic/ztp.json, bootstrapping, again (fetch 3)",
    "cumulus, script, cumulus/ztp.sh, bootstrapping, again (fetch 3)"
  })
  void aDeviceThatStopsSilentlyIsGivenUpWithItsLastStep(
      String persona, String deviceStep, String file, String phase, String after) throws Exception {
    FleetDevice d = always.get(persona);
    Outcome o = lab.run(lab.settings(), List.of(d)).getFirst();
    assertThat(o.done()).isFalse();
    assertThat(o.expected()).isTrue();
    assertThat(o.step()).isEqualTo(deviceStep);
    assertThat(o.reason()).contains("rejected by the device");
    assertThat(o.corrupted()).as("three tries, each rejected").isEqualTo(3);

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(lab.status(d).path("phase").asText()).isEqualTo("failed"));
    JsonNode s = lab.status(d);
    assertThat(s.path("failure_step").asText()).isEqualTo(phase);
    assertThat(s.path("failure_reason").asText()).startsWith("no progress for ").contains(after);

    List<String> retries =
        lab.events(d, "FETCH_RETRIED").stream().map(e -> e.path("detail").asText()).toList();
    assertThat(retries).hasSize(2).allMatch(detail -> detail.contains(file));
    assertThat(retries.getLast()).endsWith("again (fetch 3)");
    List<JsonNode> failed = lab.events(d, "DEVICE_FAILED");
    assertThat(failed).as("the device said nothing: only ztpd's give-up").hasSize(1);
    assertThat(failed.getFirst().path("source").asText()).isEqualTo("ztpd");
    assertThat(failed.getFirst().path("data").path("step").asText()).isEqualTo(phase);
    assertThat(failed.getFirst().path("data").path("reason").asText())
        .isEqualTo(s.path("failure_reason").asText());
  }
}
