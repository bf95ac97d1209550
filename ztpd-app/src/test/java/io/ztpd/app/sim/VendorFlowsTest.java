package io.ztpd.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.access.Login;
import io.ztpd.core.access.SerialRead;
import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.fleet.FaultRates;
import io.ztpd.sim.fleet.FleetDevice;
import io.ztpd.sim.fleet.FleetPlan;
import io.ztpd.sim.fleet.Outcome;
import io.ztpd.sim.fleet.Simulator;
import io.ztpd.sim.fleet.SshServers;
import io.ztpd.sim.persona.Personas;
import io.ztpd.vendors.VendorProfiles;
import io.ztpd.vendors.ssh.SshDeviceAccess;
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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vendor flow end to end on one real ztpd: a simulated device from power-on (DHCP through the
 * relay, its vendor's options) to Conf Min Loaded, loading exactly the bytes the server renders for
 * it, with the local account read from them; then its SSH server answers ztpd's serial read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VendorFlowsTest {
  private SimLab lab;
  private final Map<String, FleetDevice> byPersona = new LinkedHashMap<>();

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    Map<String, Integer> one = new LinkedHashMap<>();
    for (String p : Personas.ids()) one.put(p, 1);
    List<FleetDevice> fleet = FleetPlan.generate(one, 11, FaultRates.NONE);
    fleet.forEach(d -> byPersona.put(d.spec().persona(), d));
    lab = SimLab.start(dir, Map.of(), fleet);
  }

  @AfterAll
  void stop() {
    if (lab != null) lab.close();
  }

  static List<String> personas() {
    return Personas.ids();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("personas")
  void fromPowerOnToConfMinLoaded(String persona) throws Exception {
    FleetDevice d = byPersona.get(persona);
    String id = d.spec().id();
    SshServers ssh = new SshServers();
    int sshPort = SimLab.freeTcp();
    Outcome o;
    try (Simulator sim = new Simulator(lab.settings().withSshPort(sshPort), ssh)) {
      o = sim.run(List.of(d), Simulator.Listener.NONE).getFirst();
      DeviceRun run = o.run();
      assertThat(o.done()).as(o.step() + ": " + o.reason() + "\n" + steps(run)).isTrue();
      assertThat(o.ip()).startsWith("127.20.");
      assertThat(run.config()).as("the configuration it loaded").isEqualTo(lab.render(id));
      assertThat(run.account()).as("account from " + run.config()).isNotNull();
      assertThat(run.account().username()).isEqualTo("ztpadmin");
      assertThat(lab.get("/api/v1/devices/" + id).body()).contains("\"conf_min\":\"Loaded\"");

      VendorProfile profile =
          VendorProfiles.defaults().stream()
              .filter(p -> p.id().equals(Personas.byId(persona).orElseThrow().vendor()))
              .findFirst()
              .orElseThrow();
      try (SshDeviceAccess access = new SshDeviceAccess()) {
        SerialRead read =
            access.readSerial(
                new Login(
                    o.ip(),
                    sshPort,
                    run.account().username(),
                    run.account().password(),
                    Duration.ofSeconds(10)),
                profile.cli().orElseThrow());
        assertThat(read).isInstanceOf(SerialRead.Read.class);
        assertThat(((SerialRead.Read) read).serial()).isEqualTo(d.spec().serial());
      }
    }
  }

  private static String steps(DeviceRun run) {
    return run == null ? "(no lease)" : String.join("\n", run.steps());
  }
}
