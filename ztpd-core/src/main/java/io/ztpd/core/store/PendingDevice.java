package io.ztpd.core.store;

import io.ztpd.core.model.Identity;
import java.time.Instant;

/**
 * A device that showed up without being in the inventory.
 *
 * @param id stable key derived from its identity (serial, else MAC, else client-id)
 * @param identity everything it presented, merged over its visits
 * @param firstSeen first visit
 * @param lastSeen last visit
 * @param seenCount visits
 * @param source where it was last seen ("dhcp", "http", "pnp", ...)
 * @param state PENDING or REJECTED (an adopted device leaves the queue)
 */
public record PendingDevice(
    String id,
    Identity identity,
    Instant firstSeen,
    Instant lastSeen,
    long seenCount,
    String source,
    State state) {
  public enum State {
    PENDING,
    REJECTED
  }
}
