package io.ztpd.dhcp.testing;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.event.EventRecorder;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Keeps events in memory (or only counts them, for the bench). */
public final class RecordingEvents implements EventRecorder {
  private final boolean keep;
  private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
  private final AtomicLong seq = new AtomicLong();

  public RecordingEvents(boolean keep) {
    this.keep = keep;
  }

  @Override
  public CompletableFuture<Event> record(Event event) {
    Event stored = event.withSeq(seq.incrementAndGet());
    if (keep) events.add(stored);
    return CompletableFuture.completedFuture(stored);
  }

  public long count() {
    return seq.get();
  }

  public List<Event> of(EventKind kind) {
    return events.stream().filter(e -> e.kind() == kind).toList();
  }
}
