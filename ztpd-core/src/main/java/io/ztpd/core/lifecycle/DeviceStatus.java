package io.ztpd.core.lifecycle;

import io.ztpd.core.event.EventKind;
import java.time.Instant;

/**
 * A device's state: a pure function of its events (see {@link Lifecycle#fold}).
 *
 * @param deviceId the device
 * @param phase overall phase
 * @param confMin Conf Min column
 * @param serial Serial column
 * @param fin Conf Final column
 * @param attempt provisioning attempt, starting at 1; a retry after failure adds one
 * @param ip last known address
 * @param observedSerial serial read from the device (for a mismatch), may be null
 * @param failureReason why the device failed, may be null
 * @param failureStep at which step, may be null
 * @param lastEvent kind of the last event
 * @param lastEventDetail its human sentence
 * @param lastEventAt when
 * @param startedAt when the current attempt started (first DHCP / fetch), null if not started
 * @param phaseSince when the phase was entered
 * @param lastSeq sequence number of the last event folded in
 */
public record DeviceStatus(
    String deviceId,
    Phase phase,
    ConfMin confMin,
    SerialState serial,
    FinalState fin,
    int attempt,
    String ip,
    String observedSerial,
    String failureReason,
    String failureStep,
    EventKind lastEvent,
    String lastEventDetail,
    Instant lastEventAt,
    Instant startedAt,
    Instant phaseSince,
    long lastSeq) {

  /** The state of a device nobody has heard from yet. */
  public static DeviceStatus planned(String deviceId, Instant at) {
    return new DeviceStatus(
        deviceId,
        Phase.PLANNED,
        ConfMin.NOT_LOADED,
        SerialState.NOT_CHECKED,
        FinalState.NOT_PUSHED,
        1,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        at,
        0);
  }

  /** The same state, stamped with the sequence number its last event got in the store. */
  public DeviceStatus withLastSeq(long seq) {
    Builder b = toBuilder();
    b.lastSeq = seq;
    return b.build();
  }

  Builder toBuilder() {
    return new Builder(this);
  }

  /** Mutable copy used inside the transition table only. */
  static final class Builder {
    String deviceId;
    Phase phase;
    ConfMin confMin;
    SerialState serial;
    FinalState fin;
    int attempt;
    String ip;
    String observedSerial;
    String failureReason;
    String failureStep;
    EventKind lastEvent;
    String lastEventDetail;
    Instant lastEventAt;
    Instant startedAt;
    Instant phaseSince;
    long lastSeq;

    Builder(DeviceStatus s) {
      deviceId = s.deviceId;
      phase = s.phase;
      confMin = s.confMin;
      serial = s.serial;
      fin = s.fin;
      attempt = s.attempt;
      ip = s.ip;
      observedSerial = s.observedSerial;
      failureReason = s.failureReason;
      failureStep = s.failureStep;
      lastEvent = s.lastEvent;
      lastEventDetail = s.lastEventDetail;
      lastEventAt = s.lastEventAt;
      startedAt = s.startedAt;
      phaseSince = s.phaseSince;
      lastSeq = s.lastSeq;
    }

    DeviceStatus build() {
      return new DeviceStatus(
          deviceId,
          phase,
          confMin,
          serial,
          fin,
          attempt,
          ip,
          observedSerial,
          failureReason,
          failureStep,
          lastEvent,
          lastEventDetail,
          lastEventAt,
          startedAt,
          phaseSince,
          lastSeq);
    }
  }
}
