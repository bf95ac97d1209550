package io.ztpd.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private final List<Event> timeline = new ArrayList<>();
  private Instant t = Instant.parse("2026-11-23T10:00:00Z");

  private void add(EventKind k, Map<String, String> data) {
    t = t.plusSeconds(1);
    timeline.add(new Event(timeline.size() + 1, t, "sw1", k, "test", k.name(), data));
  }

  private void add(EventKind k) {
    add(k, Map.of());
  }

  private DeviceStatus state() {
    return Lifecycle.fold("sw1", timeline);
  }

  @Test
  void aDeviceWalksFromPlannedToProvisioned() {
    add(EventKind.DHCP_DISCOVER);
    assertThat(state().phase()).isEqualTo(Phase.DISCOVERED);
    add(EventKind.DHCP_ACK, Map.of("ip", "192.0.2.10"));
    assertThat(state().phase()).isEqualTo(Phase.ADDRESSED);
    assertThat(state().ip()).isEqualTo("192.0.2.10");
    add(EventKind.BOOTSTRAP_FETCHED);
    assertThat(state().phase()).isEqualTo(Phase.BOOTSTRAPPING);
    add(EventKind.CONF_MIN_FETCHED);
    assertThat(state().phase()).isEqualTo(Phase.CONF_MIN_LOADED);
    assertThat(state().confMin()).isEqualTo(ConfMin.LOADED);
    add(EventKind.SERIAL_MISMATCH, Map.of("serial", "WRONG1"));
    assertThat(state().serial()).isEqualTo(SerialState.MISMATCH);
    assertThat(state().observedSerial()).isEqualTo("WRONG1");
    add(EventKind.SERIAL_UPDATED);
    assertThat(state().serial()).isEqualTo(SerialState.NOT_CHECKED);
    add(EventKind.SERIAL_CHECKED, Map.of("serial", "SN1"));
    assertThat(state().phase()).isEqualTo(Phase.VERIFIED);
    assertThat(state().serial()).isEqualTo(SerialState.CHECKED);
    add(EventKind.PUSH_REQUESTED, Map.of("approval", "required"));
    assertThat(state().fin()).isEqualTo(FinalState.PENDING_APPROVAL);
    add(EventKind.PUSH_APPROVED);
    assertThat(state().fin()).isEqualTo(FinalState.PUSHING);
    add(EventKind.PUSH_PARTIAL);
    assertThat(state().fin()).isEqualTo(FinalState.PARTIALLY_COMPLETED);
    assertThat(state().phase()).isEqualTo(Phase.FINALIZING);
    add(EventKind.PUSH_REQUESTED);
    add(EventKind.PUSH_SUCCEEDED);
    assertThat(state().phase()).isEqualTo(Phase.PROVISIONED);
    assertThat(state().fin()).isEqualTo(FinalState.PUSHED);
    assertThat(state().lastSeq()).isEqualTo(timeline.size());
  }

  @Test
  void aFailedDeviceRetriesWithTheNextAttempt() {
    add(EventKind.DHCP_DISCOVER);
    add(EventKind.DEVICE_FAILED, Map.of("reason", "bad checksum", "step", "image"));
    assertThat(state().phase()).isEqualTo(Phase.FAILED);
    assertThat(state().failureReason()).isEqualTo("bad checksum");
    assertThat(state().failureStep()).isEqualTo("image");
    add(EventKind.DHCP_DISCOVER);
    assertThat(state().phase()).isEqualTo(Phase.DISCOVERED);
    assertThat(state().attempt()).isEqualTo(2);
    assertThat(state().failureReason()).isNull();
  }

  @Test
  void illegalEventsChangeNothingButAreReported() {
    DeviceStatus planned = DeviceStatus.planned("sw1", t);
    Transition tr =
        Lifecycle.apply(planned, Event.of("sw1", EventKind.SERIAL_CHECKED, "ssh", "checked"));
    assertThat(tr.legal()).isFalse();
    assertThat(tr.warning()).contains("SERIAL_CHECKED").contains("planned");
    assertThat(tr.status().phase()).isEqualTo(Phase.PLANNED);
    assertThat(tr.status().serial()).isEqualTo(SerialState.NOT_CHECKED);
    assertThat(tr.status().lastEvent()).isEqualTo(EventKind.SERIAL_CHECKED);
  }

  @Test
  void pushBeforeVerificationIsIllegal() {
    add(EventKind.CONF_MIN_FETCHED);
    Transition tr = Lifecycle.apply(state(), Event.of("sw1", EventKind.PUSH_REQUESTED, "api", ""));
    assertThat(tr.legal()).isFalse();
    assertThat(tr.status().fin()).isEqualTo(FinalState.NOT_PUSHED);
  }

  @Test
  void renewalsAndRefetchesDoNotMoveAProvisionedDeviceBack() {
    add(EventKind.CONF_MIN_FETCHED);
    add(EventKind.SERIAL_CHECKED);
    add(EventKind.PUSH_REQUESTED);
    add(EventKind.PUSH_SUCCEEDED);
    add(EventKind.DHCP_REQUEST);
    add(EventKind.DHCP_ACK);
    add(EventKind.CONF_MIN_FETCHED);
    assertThat(state().phase()).isEqualTo(Phase.PROVISIONED);
  }

  @Test
  void operatorResetStartsOver() {
    add(EventKind.CONF_MIN_FETCHED);
    add(EventKind.SERIAL_MISMATCH, Map.of("serial", "X"));
    add(EventKind.OPERATOR_RESET);
    DeviceStatus s = state();
    assertThat(s.phase()).isEqualTo(Phase.PLANNED);
    assertThat(s.confMin()).isEqualTo(ConfMin.NOT_LOADED);
    assertThat(s.serial()).isEqualTo(SerialState.NOT_CHECKED);
    assertThat(s.observedSerial()).isNull();
  }

  @Test
  void everyEventKindHasARow() {
    for (EventKind k : EventKind.values()) {
      assertThat(Lifecycle.allowedFrom(k)).as(k.name()).isNotEmpty();
    }
  }

  @Test
  void aVerifiedDeviceReportingAnotherSerialIsNoLongerVerified() {
    add(EventKind.CONF_MIN_FETCHED);
    add(EventKind.SERIAL_CHECKED, Map.of("serial", "A1"));
    assertThat(state().phase()).isEqualTo(Phase.VERIFIED);
    add(EventKind.SERIAL_MISMATCH, Map.of("serial", "B2"));
    assertThat(state().phase()).isEqualTo(Phase.CONF_MIN_LOADED);
    assertThat(state().serial()).isEqualTo(SerialState.MISMATCH);
    assertThat(state().observedSerial()).isEqualTo("B2");
    add(EventKind.SERIAL_UPDATED);
    assertThat(state().serial()).isEqualTo(SerialState.NOT_CHECKED);
    add(EventKind.SERIAL_CHECKED, Map.of("serial", "B2"));
    assertThat(state().phase()).isEqualTo(Phase.VERIFIED);
  }
}
