package io.ztpd.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.store.Store;
import io.ztpd.core.timeline.Timeline;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device states reach SQLite a few at a time inside the event commits: a ztpd that stops at any
 * moment of such a round (here: a second timeline reads the store while the first one is still in
 * the middle of its rounds) rebuilds exactly the states the running one holds.
 */
class TimelineRestartTest {
  @TempDir Path dir;

  @Test
  void statesRebuiltFromTheStoreEqualTheLiveOnesWhateverTheRoundHadWritten() throws Exception {
    String url = "sqlite:" + dir.resolve("ztpd.db");
    try (Store store = Stores.open(url);
        Store reader = Stores.open(url)) {
      Timeline live = new Timeline(store);
      EventKind[] steps = {EventKind.DHCP_DISCOVER, EventKind.DHCP_ACK, EventKind.CONF_MIN_FETCHED};
      // ~1.5 s of events over 3,000 devices (bounded): rounds of state writes begin and end
      // meanwhile
      long end = System.nanoTime() + 1_500_000_000L;
      for (int i = 0; i < 200_000 && System.nanoTime() < end; i++) {
        CompletableFuture<?>[] batch = new CompletableFuture<?>[40];
        for (int j = 0; j < batch.length; j++) {
          int n = i * batch.length + j;
          batch[j] =
              live.record(
                  Event.of("d" + n % 3000, steps[(n / 3000) % steps.length], "test", "step " + n));
        }
        CompletableFuture.allOf(batch).join();
      }
      Map<String, String> expected = new TreeMap<>();
      for (DeviceStatus s : live.statuses()) expected.put(s.deviceId(), comparable(s));

      Timeline restarted = new Timeline(reader);
      Map<String, String> rebuilt = new TreeMap<>();
      for (DeviceStatus s : restarted.statuses()) rebuilt.put(s.deviceId(), comparable(s));
      restarted.close();
      live.close();

      assertThat(rebuilt).hasSize(3000);
      assertThat(rebuilt).isEqualTo(expected);
    }
  }

  /** The state with its times as the store keeps them (microseconds). */
  private static String comparable(DeviceStatus s) {
    return new DeviceStatus(
            s.deviceId(),
            s.phase(),
            s.confMin(),
            s.serial(),
            s.fin(),
            s.attempt(),
            s.ip(),
            s.observedSerial(),
            s.failureReason(),
            s.failureStep(),
            s.lastEvent(),
            s.lastEventDetail(),
            micros(s.lastEventAt()),
            micros(s.startedAt()),
            micros(s.phaseSince()),
            s.lastSeq())
        .toString();
  }

  private static Instant micros(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
  }
}
