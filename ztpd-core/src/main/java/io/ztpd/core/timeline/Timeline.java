package io.ztpd.core.timeline;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.event.EventRecorder;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.lifecycle.Lifecycle;
import io.ztpd.core.lifecycle.Transition;
import io.ztpd.core.store.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-device timeline: every module records events here; one writer thread makes them durable
 * in batches (group commit: one transaction for everything queued meanwhile), folds them through
 * the {@link Lifecycle} into each device's state, then completes the callers' futures and tells the
 * listeners (board, SSE, notifiers).
 *
 * <p>The states are a projection: they reach the store written behind, about a second later,
 * {@value #STATUS_CHUNK} at a time inside the event commits (writing a thousand at once stalled
 * that commit for 15-25 ms, and every fetch waiting on it). When a round has written every state
 * that was changed when it began, the store's {@code statesUpto} mark moves to the sequence number
 * the round began at. On start, the events after that mark are folded again, except into states
 * that already reflect them (a state's {@code lastSeq}), so a crash between the two loses nothing.
 *
 * <p>Why one writer: the state of a device is a fold over its events in order, and SQLite has one
 * writer anyway. Batching is what makes a DHCP storm's tens of thousands of events per second
 * cheap.
 */
public final class Timeline implements EventRecorder, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Timeline.class);
  private static final int MAX_BATCH = 4096;
  private static final long STATUS_FLUSH_NANOS = 1_000_000_000L;

  /**
   * A queued event; a null event is a barrier that completes once everything before it is stored.
   */
  private record Pending(Event event, CompletableFuture<Event> done, boolean urgent) {}

  private static final long IDLE_NANOS = 100_000_000L;

  /**
   * A batch of events nobody waits for is held this long for company: a DHCP storm's events then
   * commit hundreds at a time instead of a few (per-commit cost dominates small batches).
   */
  private static final long LINGER_NANOS = 10_000_000L;

  private static final int LINGER_UNTIL = 1024;

  /** What the writer is doing, for recorders deciding whether to wake it. */
  private static final int RUNNING = 0, IDLE = 1, LINGERING = 2;

  private final Store store;

  /**
   * Lock-free intake: with a lock, dozens of request threads recording at once queued on it (each
   * contention a futex sleep and wake-up); now a recorder wakes the writer only when it sleeps.
   */
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

  private final AtomicInteger queued = new AtomicInteger();
  private final int capacity;
  private volatile int writerState = RUNNING;
  private final Map<String, DeviceStatus> statuses = new ConcurrentHashMap<>();
  private final List<TimelineListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong recorded = new AtomicLong();
  private final AtomicLong illegal = new AtomicLong();
  private final AtomicLong failedBatches = new AtomicLong();
  private final java.util.Set<String> dirty = new java.util.HashSet<>(); // writer thread only

  /** Nanoseconds, for when states are written (tests drive it; the linger uses the real one). */
  private final java.util.function.LongSupplier clock;

  private long lastStatusFlush;

  /** States written per event commit during a round. */
  private static final int STATUS_CHUNK = 64;

  /** Writer thread: the highest sequence number stored, so folded into {@link #statuses}. */
  private long committedSeq;

  /** Writer thread: the states the current round has still to write; null between rounds. */
  private java.util.ArrayDeque<String> round;

  /** Writer thread: every event up to this one is in the states the current round writes. */
  private long roundUpto;

  private final Thread writer;
  private volatile boolean closing;

  public Timeline(Store store, int queueCapacity) {
    this(store, queueCapacity, System::nanoTime);
  }

  /** With a clock for the state writes' rounds and the idle flush (tests). */
  Timeline(Store store, int queueCapacity, java.util.function.LongSupplier clock) {
    this.store = store;
    this.capacity = queueCapacity;
    this.clock = clock;
    this.lastStatusFlush = clock.getAsLong();
    // the mark before the states: states read later are only newer, and replaying skips what a
    // state already reflects
    long upto = store.statuses().statesUpto();
    for (DeviceStatus s : store.statuses().all()) statuses.put(s.deviceId(), s);
    committedSeq = store.events().lastSeq();
    replayAfter(upto);
    this.writer = Thread.ofPlatform().name("timeline-writer").daemon(true).unstarted(this::run);
    writer.start();
  }

  /** Folds the events the stored states do not reflect yet (a crash before their flush). */
  private void replayAfter(long seq) {
    long from = seq;
    int replayed = 0;
    List<Event> page;
    while (!(page = store.events().after(from, 10_000)).isEmpty()) {
      for (Event e : page) {
        from = e.seq();
        if (e.deviceId() == null) continue;
        DeviceStatus stored = statuses.get(e.deviceId());
        if (stored != null && stored.lastSeq() >= e.seq()) continue; // a chunk wrote it already
        if (e.kind() == EventKind.DEVICE_DELETED) {
          statuses.remove(e.deviceId());
        } else {
          statuses.put(
              e.deviceId(), Lifecycle.apply(status(e.deviceId()), e).status().withLastSeq(e.seq()));
        }
        dirty.add(e.deviceId());
        replayed++;
      }
    }
    if (replayed > 0) {
      log.info("timeline: folded {} event(s) newer than the stored device states", replayed);
      flushStatuses();
    }
  }

  public Timeline(Store store) {
    this(store, 262_144);
  }

  @Override
  public CompletableFuture<Event> record(Event event) {
    return record(event, true);
  }

  @Override
  public CompletableFuture<Event> recordEventually(Event event) {
    return record(event, false);
  }

  private CompletableFuture<Event> record(Event event, boolean urgent) {
    CompletableFuture<Event> done = new CompletableFuture<>();
    if (closing) {
      done.completeExceptionally(new IllegalStateException("timeline is closed"));
      return done;
    }
    try {
      enqueue(new Pending(event, done, urgent));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done.completeExceptionally(e);
    }
    return done;
  }

  /** Waits only while 256k events are waiting: back-pressure instead of losing events. */
  private void enqueue(Pending p) throws InterruptedException {
    while (queued.get() >= capacity) {
      LockSupport.parkNanos(1_000_000L);
      if (Thread.interrupted()) throw new InterruptedException();
    }
    queued.incrementAndGet();
    queue.offer(p);
    // Dekker-style with the writer's "sleeping, then look at the queue": one of us sees the other.
    // A lingering writer is woken only by someone who waits.
    int state = writerState;
    if (state == IDLE || (state == LINGERING && p.urgent())) LockSupport.unpark(writer);
  }

  /** A device's current state; a device never heard of is planned. */
  public DeviceStatus status(String deviceId) {
    DeviceStatus s = statuses.get(deviceId);
    return s != null ? s : DeviceStatus.planned(deviceId, java.time.Instant.EPOCH);
  }

  public Optional<DeviceStatus> knownStatus(String deviceId) {
    return Optional.ofNullable(statuses.get(deviceId));
  }

  public Collection<DeviceStatus> statuses() {
    return statuses.values();
  }

  public AutoCloseable subscribe(TimelineListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public long recordedCount() {
    return recorded.get();
  }

  public long illegalCount() {
    return illegal.get();
  }

  public long failedBatchCount() {
    return failedBatches.get();
  }

  public int backlog() {
    return queued.get();
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        drain(batch);
        if (batch.isEmpty()) {
          if (sleep()) flushStatuses(); // idle: catch up
          continue;
        }
        linger(batch);
        queued.addAndGet(-batch.size());
        write(batch);
      } catch (RuntimeException e) {
        log.error("timeline writer: unexpected failure, batch of {} dropped", batch.size(), e);
        batch.forEach(p -> p.done().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
    flushStatuses(); // the last states before the store closes
  }

  private void write(List<Pending> batch) {
    // Fold the batch into a private overlay first: the shared map changes only once it is durable.
    Map<String, DeviceStatus> overlay = new HashMap<>();
    List<Event> events = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      Event e = p.event();
      if (e == null) continue;
      if (e.deviceId() != null) {
        DeviceStatus before = overlay.getOrDefault(e.deviceId(), status(e.deviceId()));
        Transition t = Lifecycle.apply(before, e);
        overlay.put(e.deviceId(), t.status());
        if (!t.legal()) {
          illegal.incrementAndGet();
          Map<String, String> data = new LinkedHashMap<>(e.data());
          data.put("warning", t.warning());
          e = new Event(e.seq(), e.time(), e.deviceId(), e.kind(), e.source(), e.detail(), data);
        }
      }
      events.add(e);
    }
    List<Event> stored;
    if (events.isEmpty()) {
      flushStatuses();
      batch.forEach(p -> p.done().complete(null));
      return;
    }
    List<String> states = statusChunk();
    boolean roundDone = round != null && round.isEmpty();
    try {
      stored =
          store.inTransaction(
              tx -> {
                List<Event> out = tx.events().append(events);
                overlay.putAll(stamp(out, overlay));
                writeStates(tx, states);
                if (roundDone) tx.statuses().statesUpto(roundUpto);
                return out;
              });
    } catch (RuntimeException ex) {
      if (round != null) round.addAll(states); // written next time
      failedBatches.incrementAndGet();
      log.error("timeline: could not store {} events: {}", events.size(), ex.getMessage());
      batch.forEach(p -> p.done().completeExceptionally(ex));
      return;
    }
    committedSeq = stored.getLast().seq();
    states.forEach(dirty::remove);
    if (roundDone) {
      round = null;
      lastStatusFlush = clock.getAsLong();
    }
    statuses.putAll(overlay);
    dirty.addAll(overlay.keySet());
    for (Event e : stored) {
      // a deleted device keeps its events but loses its state row
      if (e.kind() == EventKind.DEVICE_DELETED) statuses.remove(e.deviceId());
    }
    boolean barrier = batch.stream().anyMatch(p -> p.event() == null);
    if (barrier) flushStatuses();
    recorded.addAndGet(stored.size());
    int next = 0;
    for (Pending p : batch) {
      p.done().complete(p.event() == null ? null : stored.get(next++));
    }
    for (Event e : stored) {
      DeviceStatus s = e.deviceId() == null ? null : statuses.get(e.deviceId());
      for (TimelineListener l : listeners) {
        try {
          l.onEvent(e, s);
        } catch (RuntimeException ex) {
          log.warn("timeline listener {} failed: {}", l, ex.toString());
        }
      }
    }
  }

  private void drain(List<Pending> batch) {
    Pending p;
    while (batch.size() < MAX_BATCH && (p = queue.poll()) != null) batch.add(p);
  }

  /** Holds a batch that nobody waits for until it is big, old, or someone waits. */
  private void linger(List<Pending> batch) {
    long until = System.nanoTime() + LINGER_NANOS;
    while (batch.size() < LINGER_UNTIL && !closing && noneUrgent(batch)) {
      long left = until - System.nanoTime();
      if (left <= 0) return;
      writerState = LINGERING;
      try {
        if (queue.isEmpty()) LockSupport.parkNanos(this, left);
      } finally {
        writerState = RUNNING;
      }
      drain(batch);
    }
  }

  private static boolean noneUrgent(List<Pending> batch) {
    for (int i = batch.size() - 1; i >= 0; i--) if (batch.get(i).urgent()) return false;
    return true;
  }

  /** Sleeps until something is queued or for 100 ms; true when it slept the whole time. */
  private boolean sleep() {
    writerState = IDLE;
    try {
      if (!queue.isEmpty() || closing) return false;
      long t0 = clock.getAsLong();
      LockSupport.parkNanos(this, IDLE_NANOS);
      return queue.isEmpty() && clock.getAsLong() - t0 >= IDLE_NANOS;
    } finally {
      writerState = RUNNING;
    }
  }

  /**
   * The states to write with this batch's events: none between rounds; a round begins a second
   * after the last one ended, with the states changed by then.
   */
  private List<String> statusChunk() {
    if (round == null) {
      if (dirty.isEmpty() || clock.getAsLong() - lastStatusFlush <= STATUS_FLUSH_NANOS) {
        return List.of();
      }
      round = new java.util.ArrayDeque<>(dirty);
      roundUpto = committedSeq;
    }
    List<String> chunk = new ArrayList<>(Math.min(STATUS_CHUNK, round.size()));
    while (chunk.size() < STATUS_CHUNK && !round.isEmpty()) chunk.add(round.poll());
    return chunk;
  }

  /** Stores the committed states of {@code ids} (deleted devices lose their row). */
  private void writeStates(Store tx, Collection<String> ids) {
    if (ids.isEmpty()) return;
    List<DeviceStatus> puts = new ArrayList<>(ids.size());
    for (String id : ids) {
      DeviceStatus s = statuses.get(id);
      if (s == null) tx.statuses().delete(id);
      else puts.add(s);
    }
    tx.statuses().putAll(puts);
  }

  /** Writes every changed state in one transaction and moves the mark (idle, barrier, close). */
  private void flushStatuses() {
    lastStatusFlush = clock.getAsLong();
    if (dirty.isEmpty() && round == null) return;
    long upto = committedSeq;
    try {
      store.inTransaction(
          tx -> {
            writeStates(tx, dirty);
            tx.statuses().statesUpto(upto);
            return null;
          });
      dirty.clear();
      round = null;
    } catch (RuntimeException e) {
      log.warn(
          "timeline: could not store {} device state(s), will retry: {}",
          dirty.size(),
          e.getMessage());
    }
  }

  /** Each device's state carries the sequence number of its last event. */
  private static Map<String, DeviceStatus> stamp(
      List<Event> stored, Map<String, DeviceStatus> overlay) {
    Map<String, DeviceStatus> out = new HashMap<>();
    for (Event e : stored) {
      if (e.deviceId() != null)
        out.put(e.deviceId(), overlay.get(e.deviceId()).withLastSeq(e.seq()));
    }
    return out;
  }

  /** Waits until everything queued so far is durable, device states included. */
  public void flush() {
    CompletableFuture<Event> done = new CompletableFuture<>();
    try {
      enqueue(new Pending(null, done, true));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    done.join();
  }

  @Override
  public void close() {
    closing = true;
    LockSupport.unpark(writer);
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
