package io.ztpd.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.testing.InMemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private final InMemoryStore store = new InMemoryStore();

  @Test
  void eventsAreStoredInOrderAndFoldedIntoState() {
    try (Timeline t = new Timeline(store)) {
      List<CompletableFuture<Event>> all = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        all.add(t.record(Event.of("sw" + (i % 10), EventKind.DHCP_DISCOVER, "dhcp", "d")));
      }
      t.record(Event.of("sw3", EventKind.CONF_MIN_FETCHED, "http", "c")).join();
      all.forEach(CompletableFuture::join);
      t.flush();
      assertThat(store.events().count()).isEqualTo(1001);
      assertThat(all.get(999).join().seq()).isEqualTo(1000);
      assertThat(t.status("sw3").phase()).isEqualTo(Phase.CONF_MIN_LOADED);
      assertThat(t.status("sw4").phase()).isEqualTo(Phase.DISCOVERED);
      assertThat(store.statuses().get("sw3").orElseThrow().lastSeq()).isEqualTo(1001);
    }
  }

  @Test
  void eventsNobodyWaitsForAreStoredInOrderWithTheUrgentOnes() {
    try (Timeline t = new Timeline(store)) {
      List<CompletableFuture<Event>> later = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        later.add(
            t.recordEventually(Event.of("sw" + (i % 10), EventKind.DHCP_DISCOVER, "dhcp", "d")));
      }
      // a recorder that waits is not held behind the lingering batch: it commits with it
      Event urgent = t.record(Event.of("sw3", EventKind.CONF_MIN_FETCHED, "http", "c")).join();
      assertThat(urgent.seq()).isEqualTo(3001);
      later.forEach(CompletableFuture::join);
      assertThat(later.get(2999).join().seq()).isEqualTo(3000);
      assertThat(store.events().count()).isEqualTo(3001);
      assertThat(t.status("sw3").phase()).isEqualTo(Phase.CONF_MIN_LOADED);
    }
  }

  @Test
  void aLoneEventNobodyWaitsForIsStoredAnyway() {
    try (Timeline t = new Timeline(store)) {
      Event e = t.recordEventually(Event.of("sw1", EventKind.DHCP_DISCOVER, "dhcp", "d")).join();
      assertThat(e.seq()).isEqualTo(1);
      assertThat(t.status("sw1").phase()).isEqualTo(Phase.DISCOVERED);
    }
  }

  @Test
  void stateSurvivesARestartFromTheStore() {
    try (Timeline t = new Timeline(store)) {
      t.record(Event.of("sw1", EventKind.CONF_MIN_FETCHED, "http", "c")).join();
    }
    try (Timeline t = new Timeline(store)) {
      assertThat(t.status("sw1").phase()).isEqualTo(Phase.CONF_MIN_LOADED);
    }
  }

  @Test
  void eventsNewerThanTheStoredStatesAreFoldedAgainOnStart() {
    try (Timeline t = new Timeline(store)) {
      t.record(Event.of("sw1", EventKind.DHCP_ACK, "dhcp", "a")).join();
    }
    // a crash after these events were stored but before their states were flushed
    store
        .events()
        .append(
            List.of(
                Event.of("sw1", EventKind.CONF_MIN_FETCHED, "http", "c"),
                Event.of("sw2", EventKind.DHCP_DISCOVER, "dhcp", "d")));
    try (Timeline t = new Timeline(store)) {
      assertThat(t.status("sw1").phase()).isEqualTo(Phase.CONF_MIN_LOADED);
      assertThat(t.status("sw1").lastSeq()).isEqualTo(2);
      assertThat(t.status("sw2").phase()).isEqualTo(Phase.DISCOVERED);
      assertThat(store.statuses().get("sw2")).isPresent(); // and the replayed states are stored
    }
  }

  @Test
  void illegalEventsAreKeptWithAWarning() {
    try (Timeline t = new Timeline(store)) {
      Event e = t.record(Event.of("sw1", EventKind.PUSH_SUCCEEDED, "ssh", "pushed")).join();
      assertThat(e.get("warning")).contains("illegal transition");
      assertThat(t.illegalCount()).isEqualTo(1);
      assertThat(t.status("sw1").phase()).isEqualTo(Phase.PLANNED);
    }
  }

  @Test
  void aFailedWriteFailsItsCallersAndLeavesStateAlone() {
    try (Timeline t = new Timeline(store)) {
      store.failNextWrites(1);
      CompletableFuture<Event> f =
          t.record(Event.of("sw1", EventKind.CONF_MIN_FETCHED, "http", "c"));
      assertThatThrownBy(f::join).hasMessageContaining("simulated database failure");
      assertThat(t.status("sw1").phase()).isEqualTo(Phase.PLANNED);
      assertThat(t.failedBatchCount()).isEqualTo(1);
      // and it keeps working
      t.record(Event.of("sw1", EventKind.DHCP_DISCOVER, "dhcp", "d")).join();
      assertThat(t.status("sw1").phase()).isEqualTo(Phase.DISCOVERED);
    }
  }

  @Test
  void listenersHearDurableEventsWithTheNewState() {
    try (Timeline t = new Timeline(store)) {
      List<String> heard = new CopyOnWriteArrayList<>();
      t.subscribe((e, s) -> heard.add(e.seq() + ":" + (s == null ? "-" : s.phase().label())));
      t.record(Event.of("sw1", EventKind.DHCP_ACK, "dhcp", "a")).join();
      t.record(Event.of(null, EventKind.NOTICE, "ztpd", "n")).join();
      t.flush();
      assertThat(heard).containsExactly("1:addressed", "2:-");
    }
  }

  @Test
  void deletingADeviceDropsItsStateButKeepsItsEvents() {
    try (Timeline t = new Timeline(store)) {
      t.record(Event.of("sw1", EventKind.DHCP_ACK, "dhcp", "a")).join();
      t.record(Event.of("sw1", EventKind.DEVICE_DELETED, "api", "deleted")).join();
      t.flush();
      assertThat(t.knownStatus("sw1")).isEmpty();
      assertThat(store.statuses().get("sw1")).isEmpty();
      assertThat(store.events().forDevice("sw1", 0, 10)).hasSize(2);
    }
  }

  /**
   * States reach the store {@code STATUS_CHUNK} at a time inside the event commits, a round a
   * second: a crash in the middle of a round (a copy of the store then) restarts into exactly the
   * live states, and the mark moves only once the round is complete.
   */
  @Test
  void aCrashInTheMiddleOfARoundOfStateWritesRebuildsTheLiveStates() {
    java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
    try (Timeline t = new Timeline(store, 1000, clock::get)) {
      for (int i = 0; i < 300; i++) {
        t.record(Event.of("sw" + i, EventKind.DHCP_DISCOVER, "dhcp", "d" + i)).join();
      }
      assertThat(store.statuses().all()).isEmpty(); // no round yet: the clock stands still
      clock.addAndGet(2_000_000_000L);
      t.record(Event.of("sw0", EventKind.DHCP_ACK, "dhcp", "ack")).join(); // a round begins
      t.record(Event.of("sw1", EventKind.DHCP_ACK, "dhcp", "ack")).join();
      assertThat(store.statuses().all()).hasSizeBetween(64, 299);
      assertThat(store.statuses().statesUpto()).isZero();

      InMemoryStore crashed = store.copy();
      try (Timeline restarted = new Timeline(crashed, 1000, clock::get)) {
        for (int i = 0; i < 300; i++) {
          assertThat(restarted.status("sw" + i)).as("sw" + i).isEqualTo(t.status("sw" + i));
        }
      }

      for (int i = 2; i < 10; i++) { // the round goes on and ends
        t.record(Event.of("sw" + i, EventKind.DHCP_ACK, "dhcp", "ack")).join();
      }
      assertThat(store.statuses().statesUpto()).isEqualTo(300); // where the round began
      assertThat(store.statuses().all()).hasSize(300);
    }
  }
}
