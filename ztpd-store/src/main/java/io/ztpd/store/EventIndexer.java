package io.ztpd.store;

import io.ztpd.core.event.Event;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * SQLite's index of events by device, filled behind the timeline (see {@link
 * Dialect#deferredEventIndex}).
 *
 * <p>An index on {@code events (device_id, seq)} made every commit rewrite one index page per
 * device in the batch: during a fetch storm over a thousand devices about one 4 KiB WAL page per
 * event, half of the timeline writer's time. Filling a separate {@code event_index} once a second
 * for all devices costs a page per device per second instead, but stalled that one commit for 60-90
 * ms on this VM (p99 of bench/http.sh). So devices are split into {@value #SLICES} slices by a
 * stable hash of their id; every {@value #SLICE_EVERY_MILLIS} ms one append also indexes the events
 * of one slice that committed since its last turn (kept in memory here: no scan), a stall of a few
 * milliseconds. {@code event_index_state(k).upto} says up to which sequence number slice k is
 * indexed; a device's later events are read from the table's tail (see {@link SqlEvents}).
 *
 * <p>Used on the single writer connection only: appends are serialised by it, and the commit and
 * rollback callbacks run on the committing thread before the next append starts.
 */
final class EventIndexer {
  static final int SLICES = 16;
  static final long SLICE_EVERY_MILLIS = 1000 / SLICES;

  /** A slice holding this many events is indexed on the next append, whatever its turn. */
  static final int SLICE_MAX_PENDING = 8192;

  private record Entry(String deviceId, long seq) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::deviceId).thenComparingLong(Entry::seq);

  @SuppressWarnings("unchecked")
  private final List<Entry>[] pending = new List[SLICES];

  private int next;
  private long lastSliceNanos = System.nanoTime();

  /** The highest sequence number known committed: every event up to it is indexed or pending. */
  private long committed;

  EventIndexer() {
    for (int i = 0; i < SLICES; i++) pending[i] = new ArrayList<>();
  }

  /** The slice of a device: a stable hash ({@link String#hashCode} is specified). */
  static int slice(String deviceId) {
    return Math.floorMod(deviceId.hashCode(), SLICES);
  }

  /**
   * In the transaction that appended {@code stored}: remembers them once committed, and indexes one
   * slice if it is due.
   */
  void appended(Handle h, List<Event> stored) {
    h.afterCommit(() -> remember(stored));
    int k;
    List<Entry> taken;
    long committedUpto;
    synchronized (this) {
      k = due();
      if (k < 0) return;
      taken = pending[k];
      pending[k] = new ArrayList<>();
      committedUpto = committed;
    }
    h.afterRollback(() -> putBack(k, taken));
    taken.sort(ORDER);
    try (PreparedStatement fill =
            h.getConnection()
                .prepareStatement("INSERT INTO event_index (device_id, seq) VALUES (?, ?)");
        PreparedStatement mark =
            h.getConnection()
                .prepareStatement("UPDATE event_index_state SET upto = ? WHERE id = ?")) {
      for (Entry e : taken) {
        fill.setString(1, e.deviceId());
        fill.setLong(2, e.seq());
        fill.addBatch();
      }
      if (!taken.isEmpty()) fill.executeBatch();
      // every committed event of slice k is in `taken` (or was indexed before): the mark moves to
      // the last committed number; this transaction's own events stay in the tail until k's turn
      mark.setLong(1, committedUpto);
      mark.setInt(2, k);
      mark.executeUpdate();
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException("indexing events by device", e, null);
    }
  }

  /** The slice to index now, or -1. */
  private int due() {
    for (int i = 0; i < SLICES; i++) {
      if (pending[i].size() >= SLICE_MAX_PENDING) return i;
    }
    long now = System.nanoTime();
    if (now - lastSliceNanos < SLICE_EVERY_MILLIS * 1_000_000) return -1;
    lastSliceNanos = now;
    int k = next;
    next = (next + 1) % SLICES;
    return k;
  }

  private synchronized void remember(List<Event> stored) {
    for (Event e : stored) {
      if (e.deviceId() != null) pending[slice(e.deviceId())].add(new Entry(e.deviceId(), e.seq()));
      committed = Math.max(committed, e.seq());
    }
  }

  private synchronized void putBack(int k, List<Entry> taken) {
    pending[k].addAll(taken);
  }

  /**
   * Indexes every event not yet indexed, from the table (at start: the tail a stop or a crash left;
   * tests), and moves every slice's mark to the end.
   */
  void catchUp(Handle h) {
    h.execute(
        "INSERT OR IGNORE INTO event_index (device_id, seq) SELECT device_id, seq FROM events"
            + " WHERE seq > (SELECT MIN(upto) FROM event_index_state) AND device_id IS NOT NULL"
            + " ORDER BY device_id, seq");
    long last = SqlEvents.maxSeq(h);
    h.execute("UPDATE event_index_state SET upto = ?", last);
    h.afterCommit(
        () -> {
          synchronized (this) {
            for (List<Entry> p : pending) p.clear();
            committed = Math.max(committed, last);
          }
        });
  }
}
