package io.ztpd.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztpd.sim.fleet.FleetDevice;
import io.ztpd.sim.fleet.Outcome;
import java.nio.file.Path;
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
 * The failure paths of the checksummed flows on a real ztpd: a file arriving corrupted once is
 * retried (and, where the flow reports, the failure is an event on the device's timeline) until the
 * device is provisioned; a file corrupted every time makes the device give up, and ztpd shows it
 * failed with the device's reason — where the flow has a channel to say so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailurePathsTest {
  private SimLab lab;
  private final Map<String, FleetDevice> once = new LinkedHashMap<>();
  private final Map<String, FleetDevice> always = new LinkedHashMap<>();

  private static final Map<String, String[]> IMAGES =
      Map.of(
          "cisco-pyztp", new String[] {"cat9k_iosxe.17.12.01.SPA.bin", "17.12.01"},
          "cisco-pnp", new String[] {"c9300-universalk9.17.12.01.SPA.bin", "17.12.01"},
          "arista", new String[] {"EOS-4.30.1F.swi", "4.30.1F"},
          "huawei", new String[] {"CE6881-V200R023C00.cc", "V200R023C00"},
          "cisco-nxos", new String[] {"nxos64-cs.10.2.5.M.bin", "10.2(5)"});

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    List<FleetDevice> fleet = SimLab.onceAndAlways(IMAGES.keySet(), 5, once, always);
    lab = SimLab.start(dir, Map.of("pnp_backoff_seconds", "1", "huawei_intermediate", "py"), fleet);
    for (var e : IMAGES.entrySet()) {
      lab.image(e.getValue()[0], e.getValue()[1], ("image " + e.getKey()).repeat(5000).getBytes());
    }
    for (FleetDevice d : fleet) lab.targetImage(d, IMAGES.get(d.spec().persona())[0]);
  }

  @AfterAll
  void stop() {
    if (lab != null) lab.close();
  }

  /**
   * @param persona the flow
   * @param onceDone whether a once-corrupted device ends provisioned (ztpd keeps PnP devices that
   *     reported an error failed until an operator reset)
   * @param onceEvent the reported failure the timeline shows for it ("" = the flow's first check
   *     happens before the device can report)
   */
  @ParameterizedTest(name = "{0}: corrupted once")
  @CsvSource({
    "cisco-pyztp, true, md5 mismatch on image",
    "arista, true, sha-1 mismatch on action:install_image",
    "huawei, true, ''",
    "cisco-nxos, true, ''",
    "cisco-pnp, false, md5 mismatch on image"
  })
  void aFileCorruptedOnceIsRetried(String persona, boolean onceDone, String onceEvent)
      throws Exception {
    FleetDevice d = once.get(persona);
    Outcome o = lab.run(lab.settings(), List.of(d)).getFirst();
    assertThat(o.corrupted()).isEqualTo(1);
    assertThat(o.done()).as(o.step() + ": " + o.reason()).isEqualTo(onceDone);
    assertThat(o.expected()).isTrue();
    if (onceDone) {
      assertThat(o.attempts()).as("one ZTP attempt more").isEqualTo(2);
      assertThat(lab.status(d).path("conf_min").asText()).isEqualTo("Loaded");
    }
    if (!onceEvent.isEmpty()) {
      assertThat(failures(d)).as("DEVICE_FAILED events").anyMatch(r -> r.contains(onceEvent));
    }
  }

  @ParameterizedTest(name = "{0}: corrupted every time")
  @CsvSource({
    "cisco-pyztp, image, md5 mismatch on image",
    "arista, action:install_image, sha-1 mismatch on action:install_image",
    "cisco-pnp, pnp, md5 mismatch on image",
    "huawei, intermediate, ''",
    "cisco-nxos, poap-script, ''"
  })
  void aDeviceGivesUpAndZtpdShowsWhy(String persona, String step, String serverReason)
      throws Exception {
    FleetDevice d = always.get(persona);
    Outcome o = lab.run(lab.settings(), List.of(d)).getFirst();
    assertThat(o.done()).isFalse();
    assertThat(o.expected()).isTrue();
    assertThat(o.step()).isEqualTo(step);
    assertThat(o.reason()).containsIgnoringCase("mismatch");
    JsonNode s = lab.status(d);
    if (serverReason.isEmpty()) {
      // the device failed before it could report: ztpd never saw its configuration either
      assertThat(s.path("conf_min").asText()).isEqualTo("Not Loaded");
    } else {
      assertThat(s.path("phase").asText()).isEqualTo("failed");
      assertThat(s.path("failure_reason").asText()).contains(serverReason);
    }
  }

  /** The reasons of the device's DEVICE_FAILED events. */
  private List<String> failures(FleetDevice d) throws Exception {
    return lab.events(d, "DEVICE_FAILED").stream().map(e -> e.toString().toLowerCase()).toList();
  }
}
