package io.ztpd.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's device index filled slice by slice behind the appends: whatever the slices' marks are
 * while a storm goes on, and after a restart, a device's events read back complete and in order.
 */
class EventIndexerTest {
  @TempDir Path dir;

  @Test
  void aDevicesEventsAreCompleteWhileSlicesAreIndexedOneByOne() throws Exception {
    String url = "sqlite:" + dir.resolve("ztpd.db");
    Map<String, List<Long>> expected = new HashMap<>();
    Random random = new Random(7);
    try (Store store = Stores.open(url)) {
      // ~1.5 s of appends (at most 3,000 batches): every slice gets its turn at least once
      long end = System.nanoTime() + 1_500_000_000L;
      for (int b = 0; b < 3_000 && System.nanoTime() < end; b++) {
        List<Event> batch = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(40); i < n; i++) {
          String device = "sw" + random.nextInt(300);
          batch.add(Event.of(device, EventKind.CONF_MIN_FETCHED, "http", "fetch " + b));
        }
        batch.add(Event.of(null, EventKind.UNKNOWN_DEVICE_SEEN, "dhcp", "unknown"));
        for (Event e : store.events().append(batch)) {
          if (e.deviceId() != null)
            expected.computeIfAbsent(e.deviceId(), k -> new ArrayList<>()).add(e.seq());
        }
        if (b % 100 == 99) assertComplete(store, expected);
      }
      assertComplete(store, expected);
      assertThat(indexed(url)).as("rows indexed slice by slice").isPositive();
    }
    try (Store again = Stores.open(url)) { // the tail left at stop is indexed at start
      assertComplete(again, expected);
      assertThat(indexed(url)).isEqualTo(expected.values().stream().mapToInt(List::size).sum());
    }
  }

  private static void assertComplete(Store store, Map<String, List<Long>> expected) {
    for (var e : expected.entrySet()) {
      List<Long> seqs = e.getValue();
      assertThat(store.events().forDevice(e.getKey(), 0, 100_000))
          .extracting(Event::seq)
          .as(e.getKey())
          .containsExactlyElementsOf(seqs);
      List<Long> last = seqs.subList(Math.max(0, seqs.size() - 3), seqs.size()).reversed();
      assertThat(store.events().latest(e.getKey(), 3)).extracting(Event::seq).isEqualTo(last);
    }
  }

  private static long indexed(String url) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:" + url);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM event_index")) {
      r.next();
      return r.getLong(1);
    }
  }
}
