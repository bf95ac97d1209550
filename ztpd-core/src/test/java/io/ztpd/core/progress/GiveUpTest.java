package io.ztpd.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.testing.InMemoryStore;
import io.ztpd.core.timeline.Timeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The give-up sweep on a real timeline, with the clock in the test's hand: no sleeps. */
class GiveUpTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final GiveUpSettings TEN_MINUTES =
      new GiveUpSettings(Duration.ofMinutes(10), Map.of());

  private final InMemoryStore store = new InMemoryStore();
  private final TestClock clock = new TestClock();
  private final Set<String> checking = new HashSet<>(); // devices with a serial check to come
  private boolean automaticChecks = true;
  private Timeline timeline = new Timeline(store);

  @AfterEach
  void close() {
    timeline.close();
  }

  private GiveUp giveUp(GiveUpSettings settings) {
    return new GiveUp(
        settings,
        timeline::statuses,
        id -> id.startsWith("ios") ? "cisco-iosxe" : "juniper",
        id -> automaticChecks && !checking.contains(id),
        timeline,
        clock);
  }

  private void event(String device, EventKind kind, Duration at, String detail) {
    timeline.record(new Event(0, T0.plus(at), device, kind, "test", detail, Map.of())).join();
  }

  private DeviceStatus status(String device) {
    return timeline.status(device);
  }

  private List<Event> eventsOf(String device) {
    return store.events().forDevice(device, 0, 100);
  }

  @Test
  void aDeviceSilentForItsLimitFailsWithItsLastStep() {
    event("sw1", EventKind.DHCP_ACK, Duration.ZERO, "ACK 192.0.2.10 to sw1");
    event("sw1", EventKind.BOOTSTRAP_FETCHED, seconds(1), "fetched cumulus/ztp.sh (900 bytes)");
    GiveUp g = giveUp(TEN_MINUTES);

    clock.at(seconds(1).plusMinutes(10).minusMillis(1));
    assertThat(g.sweep()).isZero();
    assertThat(status("sw1").phase()).isEqualTo(Phase.BOOTSTRAPPING);

    clock.at(seconds(1).plusMinutes(10));
    assertThat(g.sweep()).isEqualTo(1);
    DeviceStatus s = status("sw1");
    assertThat(s.phase()).isEqualTo(Phase.FAILED);
    assertThat(s.failureReason())
        .isEqualTo("no progress for 10m after fetched cumulus/ztp.sh (900 bytes)");
    assertThat(s.failureStep()).isEqualTo("bootstrapping");
    Event failed = eventsOf("sw1").getLast();
    assertThat(failed.kind()).isEqualTo(EventKind.DEVICE_FAILED);
    assertThat(failed.source()).isEqualTo("ztpd");
    assertThat(failed.data())
        .containsEntry("step", "bootstrapping")
        .containsEntry("silent_seconds", "600")
        .containsEntry("last_event", "BOOTSTRAP_FETCHED");

    clock.at(Duration.ofHours(5));
    assertThat(g.sweep()).as("failed once, not again").isZero();

    // its next DHCP starts a new attempt, watched again
    event("sw1", EventKind.DHCP_DISCOVER, Duration.ofHours(5), "DISCOVER from sw1");
    assertThat(status("sw1").phase()).isEqualTo(Phase.DISCOVERED);
    assertThat(status("sw1").attempt()).isEqualTo(2);
    clock.at(Duration.ofHours(5).plusMinutes(10));
    assertThat(g.sweep()).isEqualTo(1);
    assertThat(status("sw1").failureStep()).isEqualTo("discovered");
  }

  @Test
  void aNewEventResetsTheSilence() {
    event("sw1", EventKind.DHCP_ACK, Duration.ZERO, "ACK");
    GiveUp g = giveUp(TEN_MINUTES);
    clock.at(Duration.ofMinutes(9));
    assertThat(g.sweep()).isZero();
    event("sw1", EventKind.FETCH_RETRIED, Duration.ofMinutes(9), "fetched x again (fetch 2)");

    clock.at(Duration.ofMinutes(15));
    assertThat(g.sweep()).as("silent 6 minutes only").isZero();
    assertThat(status("sw1").phase()).isEqualTo(Phase.ADDRESSED);

    clock.at(Duration.ofMinutes(19));
    assertThat(g.sweep()).isEqualTo(1);
    assertThat(status("sw1").failureReason())
        .isEqualTo("no progress for 10m after fetched x again (fetch 2)");
    assertThat(status("sw1").failureStep()).isEqualTo("addressed");
  }

  @Test
  void afterARestartTheSilenceCountsFromTheLastEvent() {
    event("sw1", EventKind.DHCP_ACK, Duration.ZERO, "ACK to sw1");
    event("sw2", EventKind.DHCP_ACK, Duration.ofMinutes(8), "ACK to sw2");
    timeline.close();

    timeline = new Timeline(store); // ztpd starts again, 12 minutes later
    GiveUp g = giveUp(TEN_MINUTES);
    clock.at(Duration.ofMinutes(12));
    assertThat(g.sweep()).isEqualTo(1);
    assertThat(status("sw1").phase()).isEqualTo(Phase.FAILED);
    assertThat(status("sw1").failureReason()).isEqualTo("no progress for 12m after ACK to sw1");
    assertThat(status("sw2").phase()).as("silent 4 minutes").isEqualTo(Phase.ADDRESSED);

    clock.at(Duration.ofMinutes(18));
    assertThat(g.sweep()).isEqualTo(1);
    assertThat(status("sw2").phase()).isEqualTo(Phase.FAILED);
  }

  @Test
  void limitsByVendorAndOff() {
    GiveUpSettings s =
        new GiveUpSettings(Duration.ZERO, Map.of("cisco-iosxe", Duration.ofMinutes(2)));
    assertThat(s.enabled()).isTrue();
    event("ios1", EventKind.DHCP_ACK, Duration.ZERO, "ACK");
    event("sw1", EventKind.DHCP_ACK, Duration.ZERO, "ACK");
    clock.at(Duration.ofDays(3));
    assertThat(giveUp(s).sweep()).isEqualTo(1);
    assertThat(status("ios1").phase()).isEqualTo(Phase.FAILED);
    assertThat(status("ios1").failureReason()).startsWith("no progress for 3d after");
    assertThat(status("sw1").phase()).as("juniper: never").isEqualTo(Phase.ADDRESSED);
    assertThat(new GiveUpSettings(Duration.ZERO, Map.of()).enabled()).isFalse();
  }

  @Test
  void confMinLoadedIsWatchedOnlyOnceTheAutomaticSerialCheckIsOver() {
    event("sw1", EventKind.CONF_MIN_FETCHED, Duration.ZERO, "fetched juniper/sw1.conf");
    event("sw2", EventKind.CONF_MIN_FETCHED, Duration.ZERO, "fetched juniper/sw2.conf");
    event("sw2", EventKind.SERIAL_MISMATCH, Duration.ZERO, "serial mismatch");
    event("sw3", EventKind.CONF_MIN_FETCHED, Duration.ZERO, "fetched juniper/sw3.conf");
    event("sw3", EventKind.SERIAL_CHECKED, Duration.ZERO, "serial checked");
    checking.add("sw1");
    GiveUp g = giveUp(TEN_MINUTES);
    clock.at(Duration.ofHours(1));
    assertThat(g.sweep()).as("a check is still to come").isZero();

    automaticChecks = false;
    checking.clear();
    assertThat(g.sweep()).as("manual checks: an operator decides").isZero();

    automaticChecks = true;
    event(
        "sw1",
        EventKind.SERIAL_CHECK_FAILED,
        Duration.ofMinutes(50),
        "serial check failed (unreachable): gave up after 8 attempts");
    assertThat(g.sweep()).as("silent 10 minutes after the check gave up").isEqualTo(1);
    assertThat(status("sw1").failureStep()).isEqualTo("conf_min_loaded");
    assertThat(status("sw1").failureReason())
        .isEqualTo(
            "no progress for 10m after serial check failed (unreachable): gave up after 8"
                + " attempts");
    assertThat(status("sw2").phase())
        .as("mismatch: waits for the operator")
        .isNotEqualTo(Phase.FAILED);
    assertThat(status("sw3").phase()).isEqualTo(Phase.VERIFIED);
  }

  @Test
  void durationsAreShownInTheirTwoLargestUnits() {
    assertThat(GiveUp.human(Duration.ofMillis(850))).isEqualTo("850ms");
    assertThat(GiveUp.human(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(GiveUp.human(Duration.ofMinutes(30))).isEqualTo("30m");
    assertThat(GiveUp.human(Duration.ofSeconds(3905))).isEqualTo("1h 5m");
    assertThat(GiveUp.human(Duration.ofHours(51))).isEqualTo("2d 3h");
  }

  @Test
  void theSweepRunsAQuarterOfTheShortestLimitApart() {
    assertThat(GiveUpSettings.defaults().sweepEvery()).isEqualTo(Duration.ofSeconds(5));
    assertThat(new GiveUpSettings(Duration.ofSeconds(2), Map.of()).sweepEvery())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(
            new GiveUpSettings(Duration.ofMinutes(30), Map.of("sonic", Duration.ofMillis(200)))
                .sweepEvery())
        .isEqualTo(Duration.ofMillis(100));
  }

  private static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    private volatile Instant now = T0;

    void at(Duration sinceT0) {
      now = T0.plus(sinceT0);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
