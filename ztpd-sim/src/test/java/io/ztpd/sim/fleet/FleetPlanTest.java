package io.ztpd.sim.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztpd.sim.device.DeviceFaults;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FleetPlanTest {
  @Test
  void countsAndMixes() {
    assertThat(FleetPlan.counts("juniper=10,sonic=5"))
        .containsEntry("juniper", 10)
        .containsEntry("sonic", 5);
    Map<String, Integer> m = FleetPlan.mix(10_001, "all");
    assertThat(m.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_001);
    assertThat(m).hasSize(10);
    assertThat(FleetPlan.mix(4, "juniper:3,sonic:1"))
        .containsEntry("juniper", 3)
        .containsEntry("sonic", 1);
    assertThatThrownBy(() -> FleetPlan.counts("nokia=3"))
        .hasMessageContaining("unknown persona 'nokia'");
    assertThatThrownBy(() -> FaultRates.parse("checksum=2")).hasMessageContaining("not in 0..1");
    assertThatThrownBy(() -> FaultRates.parse("typo=0.1")).hasMessageContaining("unknown fault");
  }

  @Test
  void theSameSeedGivesTheSameFleetWithUniqueKeys() {
    List<FleetDevice> a = FleetPlan.generate(FleetPlan.mix(20_000, "all"), 7, FaultRates.NONE);
    List<FleetDevice> b = FleetPlan.generate(FleetPlan.mix(20_000, "all"), 7, FaultRates.NONE);
    assertThat(a).isEqualTo(b);
    Set<String> serials = new HashSet<>();
    Set<String> macs = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (FleetDevice d : a) {
      assertThat(serials.add(d.spec().serial())).as(d.spec().serial()).isTrue();
      assertThat(macs.add(d.spec().mac())).isTrue();
      assertThat(ids.add(d.spec().id())).isTrue();
    }
    // personas are interleaved: a storm mixes vendors from its first second
    assertThat(a.subList(0, 10).stream().map(d -> d.spec().persona()).distinct()).hasSize(10);
  }

  @Test
  void faultsFollowTheirRates() {
    List<FleetDevice> f =
        FleetPlan.generate(
            Map.of("cisco-iosxe", 2000, "cisco-nxos", 2000),
            3,
            FaultRates.parse("checksum=0.25,unreachable=0.5"));
    long iosxeChecksum =
        f.stream()
            .filter(d -> d.spec().persona().equals("cisco-iosxe"))
            .filter(d -> d.faults().checksumOnce())
            .count();
    long nxosChecksum =
        f.stream()
            .filter(d -> d.spec().persona().equals("cisco-nxos"))
            .filter(d -> d.faults().checksumOnce())
            .count();
    long unreachable =
        f.stream().map(FleetDevice::faults).filter(DeviceFaults::unreachable).count();
    assertThat(iosxeChecksum).as("AutoInstall rejects its configuration").isBetween(400L, 600L);
    assertThat(nxosChecksum).isBetween(400L, 600L);
    assertThat(unreachable).isBetween(1800L, 2200L);
  }

  @Test
  void theInventoryCsvPlansEveryDeviceWithItsVendorProfile() {
    String csv =
        FleetPlan.inventoryCsv(
            FleetPlan.generate(Map.of("cisco-pyztp", 1), 1, FaultRates.NONE), "lab");
    assertThat(csv)
        .startsWith("id,hostname,serial,mac,vendor,model,site\n")
        .contains(",cisco-iosxe,C9")
        .endsWith(",lab\n");
  }

  @Test
  void summaryPercentilesAreNearestRank() {
    long[] t = new long[100];
    for (int i = 0; i < 100; i++) t[i] = i + 1;
    assertThat(Summary.pct(t, 50)).isEqualTo(50);
    assertThat(Summary.pct(t, 99)).isEqualTo(99);
    assertThat(Summary.pct(new long[0], 99)).isZero();
  }
}
