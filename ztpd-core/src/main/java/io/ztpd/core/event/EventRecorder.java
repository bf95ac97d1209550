package io.ztpd.core.event;

import java.util.concurrent.CompletableFuture;

/** Where every module writes its events; the timeline makes them durable in batches. */
public interface EventRecorder {
  /**
   * Queues an event. The future completes with the stored event (with its sequence number) once it
   * is durable, or exceptionally if the store failed.
   */
  CompletableFuture<Event> record(Event event);

  /** Records and waits until durable. */
  default Event recordAndWait(Event event) {
    return record(event).join();
  }
}
