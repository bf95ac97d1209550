package io.ztpd.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztpd.core.event.EventKind;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import io.ztpd.core.testing.InMemoryStore;
import io.ztpd.core.timeline.Timeline;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InventoryTest {
  private final InMemoryStore store = new InMemoryStore();
  private final Timeline timeline = new Timeline(store);

  static Site dc1() {
    return new Site(
        "dc1",
        "192.0.2.0/24",
        List.of("192.0.2.1"),
        List.of("192.0.2.100-192.0.2.199"),
        List.of(),
        "192.0.2.1",
        List.of("192.0.2.53"),
        "example.net",
        List.of(),
        List.of(),
        3600,
        Map.of("ntp", "192.0.2.123"));
  }

  static Device device(String id, String serial, String mac) {
    return new Device(
        id, id, serial, mac, "juniper", "ex4300", null, null, null, "dc1", null, null, null, null,
        null, Map.of());
  }

  private Inventory inventory(Inventory.Policy policy) {
    Inventory inv = new Inventory(store, timeline, policy, Set.of("juniper", "arista"));
    inv.putSite(dc1(), "test");
    return inv;
  }

  @AfterEach
  void close() {
    timeline.close();
  }

  @Test
  void matchesBySerialThenMacAndFindsTheSiteByRelayOrSubnet() {
    Inventory inv = inventory(Inventory.Policy.hold());
    inv.putDevice(device("sw1", "SN1", "00:1C:73:AA:BB:01"), "test");
    assertThat(inv.match(Identity.ofSerial("sn1"))).map(Device::id).contains("sw1");
    assertThat(inv.match(Identity.ofMac("001c.73aa.bb01"))).map(Device::id).contains("sw1");
    assertThat(inv.siteFor("192.0.2.1")).map(Site::name).contains("dc1");
    assertThat(inv.siteFor("192.0.2.77")).map(Site::name).contains("dc1");
    assertThat(inv.siteFor("198.51.100.1")).isEmpty();
  }

  @Test
  void refusesDuplicateKeysAndUnknownReferences() {
    Inventory inv = inventory(Inventory.Policy.hold());
    inv.putDevice(device("sw1", "SN1", "00:1c:73:aa:bb:01"), "test");
    assertThatThrownBy(() -> inv.putDevice(device("sw2", "sn1", null), "test"))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("serial 'SN1' is claimed by both 'sw1' and 'sw2'");
    Device badSite =
        new Device(
            "sw3", "sw3", null, null, null, null, null, null, null, "nowhere", null, null, null,
            null, null, null);
    assertThatThrownBy(() -> inv.putDevice(badSite, "test"))
        .hasMessageContaining("unknown site 'nowhere'");
    Device badVendor =
        new Device(
            "sw4", "sw4", null, null, "nokia", null, null, null, null, null, null, null, null, null,
            null, null);
    assertThatThrownBy(() -> inv.putDevice(badVendor, "test"))
        .hasMessageContaining("unknown vendor 'nokia'");
    assertThat(inv.devices()).extracting(Device::id).containsExactly("sw1");
  }

  @Test
  void importIsAllOrNothing() {
    Inventory inv = inventory(Inventory.Policy.hold());
    List<Device> batch = List.of(device("a", "S-A", null), device("b", "S-A", null));
    assertThatThrownBy(() -> inv.importAll(List.of(), List.of(), batch, false, "test"))
        .isInstanceOf(InventoryException.class);
    assertThat(inv.devices()).isEmpty();
    assertThat(store.devices().count()).isZero();
    var result =
        inv.importAll(
            List.of(),
            List.of(new Group("core", true, Map.of())),
            List.of(device("a", "S-A", null)),
            false,
            "test");
    assertThat(result.devices()).isEqualTo(1);
    timeline.flush();
    assertThat(timeline.status("a").lastEvent()).isEqualTo(EventKind.DEVICE_CREATED);
  }

  @Test
  void unknownDevicesAreQueuedThenAdoptedOrRejected() {
    Inventory inv = inventory(Inventory.Policy.hold());
    Identity stranger =
        new Identity(
            "00:1c:73:00:00:09",
            "JN999",
            null,
            "Juniper-ex4300-JN999",
            "ex4300",
            "juniper",
            null,
            null,
            "192.0.2.1",
            null);
    var d = inv.unknown(stranger, "dhcp");
    assertThat(d).isInstanceOf(DeviceDirectory.UnknownDecision.Hold.class);
    inv.unknown(stranger, "dhcp");
    assertThat(inv.pending()).hasSize(1);
    assertThat(inv.pending().get(0).seenCount()).isEqualTo(2);
    Device adopted = inv.adopt("sn-jn999", "leaf-9", "dc1", null, null, "operator");
    assertThat(adopted.serial()).isEqualTo("JN999");
    assertThat(inv.match(stranger)).map(Device::id).contains("leaf-9");
    assertThat(inv.pending()).isEmpty();

    Identity other = Identity.ofMac("00:1c:73:00:00:10");
    inv.unknown(other, "http");
    inv.reject("mac-001c73000010", "operator");
    assertThat(inv.unknown(other, "http"))
        .isInstanceOf(DeviceDirectory.UnknownDecision.Ignore.class);
  }

  @Test
  void autoAdoptRulesMakeDevicesAtOnce() {
    var rule =
        new AutoAdoptRule(
            Pattern.compile("arista"), null, null, null, "dc1", null, null, "{vendor}-{serial}");
    Inventory inv = inventory(new Inventory.Policy(UnknownDevicePolicy.AUTO_ADOPT, List.of(rule)));
    Identity a =
        new Identity(
            "00:1c:73:00:00:11",
            "JPE123",
            null,
            null,
            "DCS-7050",
            "arista",
            null,
            null,
            null,
            null);
    var d = inv.unknown(a, "dhcp");
    assertThat(d)
        .isInstanceOfSatisfying(
            DeviceDirectory.UnknownDecision.Adopted.class,
            x -> assertThat(x.device().id()).isEqualTo("arista-jpe123"));
    assertThat(inv.unknown(Identity.ofMac("00:1c:73:00:00:12"), "dhcp"))
        .isInstanceOf(DeviceDirectory.UnknownDecision.Hold.class);
  }

  @Test
  void pendingSightingsReachTheStore() {
    Inventory inv = inventory(Inventory.Policy.hold());
    inv.unknown(Identity.ofMac("00:1c:73:00:00:13"), "dhcp");
    inv.flushPending();
    assertThat(store.pending().all()).extracting(p -> p.id()).containsExactly("mac-001c73000013");
  }

  @Test
  void aSiteInUseCannotBeDeleted() {
    Inventory inv = inventory(Inventory.Policy.hold());
    inv.putDevice(device("sw1", "SN1", null), "test");
    assertThatThrownBy(() -> inv.deleteSite("dc1", "test"))
        .hasMessageContaining("used by 1 device");
  }
}
