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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-device timeline: every module records events here; one writer thread makes them durable
 * in batches (group commit: one transaction for everything queued meanwhile), folds them through
 * the {@link Lifecycle} into each device's state, stores events and states in the same transaction,
 * then completes the callers' futures and tells the listeners (board, SSE, notifiers).
 *
 * <p>Why one writer: the state of a device is a fold over its events in order, and SQLite has one
 * writer anyway. Batching is what makes a DHCP storm's tens of thousands of events per second
 * cheap.
 */
public final class Timeline implements EventRecorder, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Timeline.class);
  private static final int MAX_BATCH = 4096;

  /**
   * A queued event; a null event is a barrier that completes once everything before it is stored.
   */
  private record Pending(Event event, CompletableFuture<Event> done) {}

  private final Store store;
  private final BlockingQueue<Pending> queue;
  private final Map<String, DeviceStatus> statuses = new ConcurrentHashMap<>();
  private final List<TimelineListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong recorded = new AtomicLong();
  private final AtomicLong illegal = new AtomicLong();
  private final AtomicLong failedBatches = new AtomicLong();
  private final Thread writer;
  private volatile boolean closing;

  public Timeline(Store store, int queueCapacity) {
    this.store = store;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    for (DeviceStatus s : store.statuses().all()) statuses.put(s.deviceId(), s);
    this.writer = Thread.ofPlatform().name("timeline-writer").daemon(true).unstarted(this::run);
    writer.start();
  }

  public Timeline(Store store) {
    this(store, 262_144);
  }

  @Override
  public CompletableFuture<Event> record(Event event) {
    CompletableFuture<Event> done = new CompletableFuture<>();
    if (closing) {
      done.completeExceptionally(new IllegalStateException("timeline is closed"));
      return done;
    }
    try {
      // Blocks only when 256k events are waiting: back-pressure instead of losing events.
      queue.put(new Pending(event, done));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done.completeExceptionally(e);
    }
    return done;
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
    return queue.size();
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) continue;
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        if (!closing) Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        log.error("timeline writer: unexpected failure, batch of {} dropped", batch.size(), e);
        batch.forEach(p -> p.done().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
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
      batch.forEach(p -> p.done().complete(null));
      return;
    }
    try {
      stored =
          store.inTransaction(
              tx -> {
                List<Event> out = tx.events().append(events);
                Map<String, DeviceStatus> stamped = stamp(out, overlay);
                // a deleted device keeps its events but loses its state row
                for (Event e : out) {
                  if (e.kind() == EventKind.DEVICE_DELETED) stamped.remove(e.deviceId());
                }
                tx.statuses().putAll(stamped.values());
                for (Event e : out) {
                  if (e.kind() == EventKind.DEVICE_DELETED) tx.statuses().delete(e.deviceId());
                }
                overlay.putAll(stamped);
                return out;
              });
    } catch (RuntimeException ex) {
      failedBatches.incrementAndGet();
      log.error("timeline: could not store {} events: {}", events.size(), ex.getMessage());
      batch.forEach(p -> p.done().completeExceptionally(ex));
      return;
    }
    statuses.putAll(overlay);
    for (Event e : stored) {
      if (e.kind() == EventKind.DEVICE_DELETED) statuses.remove(e.deviceId());
    }
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

  /** Waits until everything queued so far is durable (for tests, shutdown and imports). */
  public void flush() {
    CompletableFuture<Event> done = new CompletableFuture<>();
    try {
      queue.put(new Pending(null, done));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    done.join();
  }

  @Override
  public void close() {
    closing = true;
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
