package io.ztpd.core.lifecycle;

import static io.ztpd.core.lifecycle.Phase.ADDRESSED;
import static io.ztpd.core.lifecycle.Phase.BOOTSTRAPPING;
import static io.ztpd.core.lifecycle.Phase.CONF_MIN_LOADED;
import static io.ztpd.core.lifecycle.Phase.DISCOVERED;
import static io.ztpd.core.lifecycle.Phase.FAILED;
import static io.ztpd.core.lifecycle.Phase.FINALIZING;
import static io.ztpd.core.lifecycle.Phase.PLANNED;
import static io.ztpd.core.lifecycle.Phase.PROVISIONED;
import static io.ztpd.core.lifecycle.Phase.VERIFIED;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The device state machine: an explicit transition table from (event kind, phase) to the next
 * state.
 *
 * <p>State is never stored as the truth: it is {@link #fold folded} from the timeline. Events the
 * table does not list for a phase are <em>illegal</em> there: they are kept on the timeline with a
 * warning and change nothing but "last event".
 */
public final class Lifecycle {

  /** One row: from which phases the event is allowed, and what it does to the state. */
  private record Rule(Set<Phase> from, BiConsumer<DeviceStatus.Builder, Event> effect) {}

  private static final Set<Phase> ANY = EnumSet.allOf(Phase.class);
  private static final Set<Phase> ACTIVE_OR_PLANNED =
      EnumSet.of(
          PLANNED, DISCOVERED, ADDRESSED, BOOTSTRAPPING, CONF_MIN_LOADED, VERIFIED, FINALIZING);
  private static final BiConsumer<DeviceStatus.Builder, Event> NOTHING = (s, e) -> {};

  private static final Map<EventKind, Rule> TABLE = new EnumMap<>(EventKind.class);

  static {
    // DHCP: the first DISCOVER / REQUEST starts an attempt; later ones (renewals) change nothing.
    row(EventKind.DHCP_DISCOVER, ANY, Lifecycle::discovered);
    row(EventKind.DHCP_REQUEST, ANY, Lifecycle::discovered);
    row(EventKind.DHCP_ACK, ANY, Lifecycle::addressed);
    row(EventKind.LEASE_REPORTED, ANY, Lifecycle::addressed);
    // bootstrap artifacts and images
    row(EventKind.BOOTSTRAP_FETCHED, ANY, (s, e) -> advance(s, e, BOOTSTRAPPING));
    row(EventKind.IMAGE_FETCHED, ANY, (s, e) -> advance(s, e, BOOTSTRAPPING));
    // minimal configuration
    row(EventKind.CONF_MIN_FETCHED, ANY, Lifecycle::confMinLoaded);
    row(EventKind.CONF_MIN_APPLIED, ANY, Lifecycle::confMinLoaded);
    // serial check
    row(EventKind.SERIAL_CHECK_STARTED, EnumSet.of(CONF_MIN_LOADED, VERIFIED), NOTHING);
    row(EventKind.SERIAL_CHECK_FAILED, EnumSet.of(CONF_MIN_LOADED, VERIFIED), NOTHING);
    row(
        EventKind.SERIAL_CHECKED,
        EnumSet.of(CONF_MIN_LOADED, VERIFIED),
        (s, e) -> {
          s.serial = SerialState.CHECKED;
          s.observedSerial = e.get("serial");
          enter(s, e, VERIFIED);
        });
    row(
        EventKind.SERIAL_MISMATCH,
        EnumSet.of(CONF_MIN_LOADED, VERIFIED),
        (s, e) -> {
          s.serial = SerialState.MISMATCH;
          s.observedSerial = e.get("serial");
          // a verified device that now reports another serial is no longer verified
          if (s.phase == VERIFIED) enter(s, e, CONF_MIN_LOADED);
        });
    row(
        EventKind.SERIAL_UPDATED,
        ANY,
        (s, e) -> {
          if (s.serial == SerialState.MISMATCH) s.serial = SerialState.NOT_CHECKED;
        });
    // final push
    row(
        EventKind.PUSH_REQUESTED,
        EnumSet.of(VERIFIED, FINALIZING, PROVISIONED),
        (s, e) -> {
          s.fin =
              "required".equals(e.get("approval"))
                  ? FinalState.PENDING_APPROVAL
                  : FinalState.PUSHING;
          enter(s, e, FINALIZING);
        });
    row(EventKind.PUSH_APPROVED, EnumSet.of(FINALIZING), (s, e) -> s.fin = FinalState.PUSHING);
    row(EventKind.PUSH_STARTED, EnumSet.of(FINALIZING), (s, e) -> s.fin = FinalState.PUSHING);
    row(
        EventKind.PUSH_SUCCEEDED,
        EnumSet.of(FINALIZING),
        (s, e) -> {
          s.fin = FinalState.PUSHED;
          enter(s, e, PROVISIONED);
        });
    row(EventKind.PUSH_FAILED, EnumSet.of(FINALIZING), (s, e) -> s.fin = FinalState.FAILED);
    row(
        EventKind.PUSH_PARTIAL,
        EnumSet.of(FINALIZING),
        (s, e) -> s.fin = FinalState.PARTIALLY_COMPLETED);
    // failure and reset
    row(
        EventKind.DEVICE_FAILED,
        ACTIVE_OR_PLANNED,
        (s, e) -> {
          s.failureReason = e.get("reason") != null ? e.get("reason") : e.detail();
          s.failureStep = e.get("step");
          enter(s, e, FAILED);
        });
    row(
        EventKind.OPERATOR_RESET,
        ANY,
        (s, e) -> {
          DeviceStatus fresh = DeviceStatus.planned(s.deviceId, e.time());
          s.phase = fresh.phase();
          s.confMin = fresh.confMin();
          s.serial = fresh.serial();
          s.fin = fresh.fin();
          s.attempt = fresh.attempt();
          s.observedSerial = null;
          s.failureReason = null;
          s.failureStep = null;
          s.startedAt = null;
          s.phaseSince = e.time();
        });
    // informational: allowed anywhere, no state change beyond "last event"
    for (EventKind k :
        EnumSet.of(
            EventKind.UNKNOWN_DEVICE_SEEN,
            EventKind.DEVICE_ADOPTED,
            EventKind.DEVICE_REJECTED,
            EventKind.DEVICE_CREATED,
            EventKind.DEVICE_UPDATED,
            EventKind.DEVICE_DELETED,
            EventKind.DHCP_OFFER,
            EventKind.DHCP_NAK,
            EventKind.DHCP_DECLINE,
            EventKind.DHCP_RELEASE,
            EventKind.DHCP_INFORM,
            EventKind.FILE_REQUESTED,
            EventKind.FILE_FETCHED,
            EventKind.FILE_FAILED,
            EventKind.FETCH_RETRIED,
            EventKind.DEVICE_REPORT,
            EventKind.NOTICE)) {
      row(k, ANY, NOTHING);
    }
    if (TABLE.size() != EventKind.values().length) {
      throw new IllegalStateException("transition table misses an event kind");
    }
  }

  private Lifecycle() {}

  private static void row(
      EventKind kind, Set<Phase> from, BiConsumer<DeviceStatus.Builder, Event> fx) {
    TABLE.put(kind, new Rule(EnumSet.copyOf(from), fx));
  }

  /** Applies one event to a state. */
  public static Transition apply(DeviceStatus state, Event event) {
    Rule rule = TABLE.get(event.kind());
    DeviceStatus.Builder b = state.toBuilder();
    boolean legal = rule.from().contains(state.phase());
    if (legal) rule.effect().accept(b, event);
    String ip = event.get("ip");
    if (ip != null && !ip.isBlank() && legal) b.ip = ip;
    b.lastEvent = event.kind();
    b.lastEventDetail = event.detail();
    b.lastEventAt = event.time();
    b.lastSeq = Math.max(b.lastSeq, event.seq());
    String warning =
        legal
            ? null
            : "illegal transition: "
                + event.kind()
                + " is not allowed in phase "
                + state.phase().label();
    return new Transition(b.build(), legal, warning);
  }

  /** The state after a device's whole timeline, in order. */
  public static DeviceStatus fold(String deviceId, Collection<Event> events) {
    DeviceStatus s = null;
    for (Event e : events) {
      if (s == null) s = DeviceStatus.planned(deviceId, e.time());
      s = apply(s, e).status();
    }
    return s != null ? s : DeviceStatus.planned(deviceId, java.time.Instant.EPOCH);
  }

  /** The phases an event kind is allowed from; for documentation and the API. */
  public static Set<Phase> allowedFrom(EventKind kind) {
    return EnumSet.copyOf(TABLE.get(kind).from());
  }

  // --- effects ---------------------------------------------------------------------------------

  private static void discovered(DeviceStatus.Builder s, Event e) {
    if (s.phase == PLANNED || s.phase == FAILED) restartInto(s, e, DISCOVERED);
  }

  private static void addressed(DeviceStatus.Builder s, Event e) {
    if (s.phase == PLANNED || s.phase == FAILED) restartInto(s, e, ADDRESSED);
    else if (s.phase == DISCOVERED) enter(s, e, ADDRESSED);
  }

  private static void confMinLoaded(DeviceStatus.Builder s, Event e) {
    s.confMin = ConfMin.LOADED;
    if (s.phase == FAILED) restartInto(s, e, CONF_MIN_LOADED);
    else if (s.phase.ordinal() < CONF_MIN_LOADED.ordinal()) enter(s, e, CONF_MIN_LOADED);
  }

  /** Moves forward to {@code target} only from an earlier phase; a failed device retries. */
  private static void advance(DeviceStatus.Builder s, Event e, Phase target) {
    if (s.phase == FAILED) restartInto(s, e, target);
    else if (s.phase.ordinal() < target.ordinal()) enter(s, e, target);
  }

  /** A new attempt: after a failure the counter goes up and the stages start over. */
  private static void restartInto(DeviceStatus.Builder s, Event e, Phase target) {
    if (s.phase == FAILED) {
      s.attempt++;
      s.failureReason = null;
      s.failureStep = null;
      s.confMin = target == CONF_MIN_LOADED ? ConfMin.LOADED : ConfMin.NOT_LOADED;
      s.serial = SerialState.NOT_CHECKED;
      s.fin = FinalState.NOT_PUSHED;
      s.startedAt = e.time();
    }
    enter(s, e, target);
  }

  private static void enter(DeviceStatus.Builder s, Event e, Phase target) {
    if (s.startedAt == null) s.startedAt = e.time();
    if (s.phase != target) s.phaseSince = e.time();
    s.phase = target;
  }
}
