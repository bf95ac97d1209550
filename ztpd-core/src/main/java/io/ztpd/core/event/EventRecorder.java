package io.ztpd.core.event;

import java.util.concurrent.CompletableFuture;

/** Where every module writes its events; the timeline makes them durable in batches. */
public interface EventRecorder {
  /**
   * Queues an event. The future completes with the stored event (with its sequence number) once it
   * is durable, or exceptionally if the store failed.
   */
  CompletableFuture<Event> record(Event event);

  /**
   * Queues an event nobody waits for (a DHCP message, a sighting): the timeline may hold it a few
   * milliseconds to store it in a bigger batch. The future still tells when it is durable.
   */
  default CompletableFuture<Event> recordEventually(Event event) {
    return record(event);
  }

  /** Records and waits until durable. */
  default Event recordAndWait(Event event) {
    return record(event).join();
  }
}
