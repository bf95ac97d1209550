package io.ztpd.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.event.EventKind;
import io.ztpd.core.lifecycle.ConfMin;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.lifecycle.FinalState;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.lifecycle.SerialState;
import io.ztpd.core.store.StatusCounts;
import io.ztpd.core.store.StatusPage;
import io.ztpd.core.store.StatusQuery;
import io.ztpd.core.store.StatusQuery.Sort;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class StatusContractTest extends StoreContract {
  static final Instant T0 = Instant.parse("2026-05-01T10:00:00.000001Z");

  static DeviceStatus status(String id, Phase phase, int minutes, String ip) {
    return new DeviceStatus(
        id,
        phase,
        phase.ordinal() >= Phase.CONF_MIN_LOADED.ordinal() ? ConfMin.LOADED : ConfMin.NOT_LOADED,
        phase == Phase.VERIFIED ? SerialState.CHECKED : SerialState.NOT_CHECKED,
        phase == Phase.PROVISIONED ? FinalState.PUSHED : FinalState.NOT_PUSHED,
        1,
        ip,
        null,
        null,
        null,
        EventKind.NOTICE,
        "detail " + id,
        T0.plusSeconds(60L * minutes),
        T0,
        T0,
        7);
  }

  /** Five devices in the inventory, four with a status, and one status whose device is gone. */
  void fleet() {
    store.devices().put(device("sw1", "leaf-a", "SNA1", "00:00:00:00:00:a1"));
    store.devices().put(device("sw2", "leaf-b", "SNB2", "00:00:00:00:00:b2"));
    store.devices().put(device("sw3", "spine-a", "SN_3%", "00:00:00:00:00:c3"));
    store.devices().put(device("sw4", "spine-b", "SN4", null));
    store
        .statuses()
        .putAll(
            List.of(
                status("sw1", Phase.ADDRESSED, 3, "192.0.2.11"),
                status("sw2", Phase.CONF_MIN_LOADED, 1, "192.0.2.12"),
                status("sw3", Phase.VERIFIED, 2, null),
                status("sw4", Phase.ADDRESSED, 5, "192.0.2.14"),
                status("gone", Phase.FAILED, 4, null)));
  }

  @Test
  void everyFieldRoundTripsAndPutReplaces() {
    DeviceStatus full =
        new DeviceStatus(
            "sw1",
            Phase.FAILED,
            ConfMin.LOADED,
            SerialState.MISMATCH,
            FinalState.PARTIALLY_COMPLETED,
            3,
            "192.0.2.9",
            "OBS1",
            "push timed out",
            "final",
            EventKind.DEVICE_FAILED,
            "gave up",
            T0,
            T0.minusSeconds(30),
            T0.plusSeconds(1),
            42);
    store.statuses().putAll(List.of(DeviceStatus.planned("sw1", Instant.EPOCH)));
    store.statuses().putAll(List.of(full));
    assertThat(store.statuses().get("sw1")).contains(full);
    assertThat(store.statuses().all()).containsExactly(full);
    assertThat(store.statuses().delete("sw1")).isTrue();
    assertThat(store.statuses().delete("sw1")).isFalse();
    assertThat(store.statuses().get("sw1")).isEmpty();
  }

  @Test
  void pageFiltersByPhaseAndJoinsDeviceColumns() {
    fleet();
    StatusPage p = store.statuses().page(StatusQuery.all(100).withPhases(Set.of(Phase.ADDRESSED)));
    assertThat(p.total()).isEqualTo(2);
    assertThat(p.rows()).extracting(r -> r.status().deviceId()).containsExactly("sw1", "sw4");
    StatusPage.Row first = p.rows().getFirst();
    assertThat(first.hostname()).isEqualTo("leaf-a");
    assertThat(first.serial()).isEqualTo("SNA1");
    assertThat(first.mac()).isEqualTo("00:00:00:00:00:a1");
    assertThat(first.vendor()).isEqualTo("juniper");
    assertThat(first.site()).isEqualTo("dc1");
    assertThat(first.status()).isEqualTo(status("sw1", Phase.ADDRESSED, 3, "192.0.2.11"));

    StatusPage orphan = store.statuses().page(StatusQuery.all(10).withPhases(Set.of(Phase.FAILED)));
    assertThat(orphan.rows()).singleElement().satisfies(r -> assertThat(r.hostname()).isNull());
  }

  @Test
  void textSearchIsCaseInsensitiveOverIdHostnameSerialMacAndIp() {
    fleet();
    assertThat(ids(StatusQuery.all(100).withText("SPINE"))).containsExactly("sw3", "sw4");
    assertThat(ids(StatusQuery.all(100).withText("snb"))).containsExactly("sw2");
    assertThat(ids(StatusQuery.all(100).withText(":C3"))).containsExactly("sw3");
    assertThat(ids(StatusQuery.all(100).withText("192.0.2.14"))).containsExactly("sw4");
    assertThat(ids(StatusQuery.all(100).withText("gon"))).containsExactly("gone");
    // LIKE wildcards in the user's text are literal
    assertThat(ids(StatusQuery.all(100).withText("_3%"))).containsExactly("sw3");
    assertThat(ids(StatusQuery.all(100).withText("%"))).containsExactly("sw3");
    assertThat(ids(StatusQuery.all(100).withText("leaf").withPhases(Set.of(Phase.CONF_MIN_LOADED))))
        .containsExactly("sw2");
  }

  @Test
  void sortsAndPages() {
    fleet();
    assertThat(ids(StatusQuery.all(100).sortedBy(Sort.PHASE, false)))
        .containsExactly("sw1", "sw4", "sw2", "sw3", "gone");
    assertThat(ids(StatusQuery.all(100).sortedBy(Sort.LAST_EVENT_AT, true)))
        .containsExactly("sw4", "gone", "sw1", "sw3", "sw2");
    // the orphan has no hostname: nulls first ascending, on both databases
    assertThat(ids(StatusQuery.all(100).sortedBy(Sort.HOSTNAME, false)))
        .containsExactly("gone", "sw1", "sw2", "sw3", "sw4");
    assertThat(ids(StatusQuery.all(100).sortedBy(Sort.DEVICE_ID, true)))
        .containsExactly("sw4", "sw3", "sw2", "sw1", "gone");

    StatusPage second =
        store.statuses().page(StatusQuery.all(2).sortedBy(Sort.DEVICE_ID, false).page(2, 2));
    assertThat(second.total()).isEqualTo(5);
    assertThat(second.rows()).extracting(r -> r.status().deviceId()).containsExactly("sw2", "sw3");
    assertThat(store.statuses().page(StatusQuery.all(2).page(10, 2)).rows()).isEmpty();
  }

  @Test
  void countsPerColumnValue() {
    StatusCounts empty = store.statuses().counts(null);
    assertThat(empty.total()).isZero();
    assertThat(empty.phase()).containsEntry(Phase.PLANNED, 0L).hasSize(Phase.values().length);

    fleet();
    StatusCounts c = store.statuses().counts(null);
    assertThat(c.total()).isEqualTo(5);
    assertThat(c.phase())
        .containsEntry(Phase.ADDRESSED, 2L)
        .containsEntry(Phase.FAILED, 1L)
        .containsEntry(Phase.PROVISIONED, 0L);
    assertThat(c.confMin()).containsEntry(ConfMin.LOADED, 3L).containsEntry(ConfMin.NOT_LOADED, 2L);
    assertThat(c.serial())
        .containsEntry(SerialState.CHECKED, 1L)
        .containsEntry(SerialState.NOT_CHECKED, 4L);
    assertThat(c.fin()).containsEntry(FinalState.NOT_PUSHED, 5L);

    StatusCounts spines = store.statuses().counts("spine");
    assertThat(spines.total()).isEqualTo(2);
    assertThat(spines.phase()).containsEntry(Phase.VERIFIED, 1L).containsEntry(Phase.ADDRESSED, 1L);
  }

  private List<String> ids(StatusQuery q) {
    return store.statuses().page(q).rows().stream().map(r -> r.status().deviceId()).toList();
  }
}
