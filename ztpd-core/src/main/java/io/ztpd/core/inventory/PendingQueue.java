package io.ztpd.core.inventory;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.event.EventRecorder;
import io.ztpd.core.model.Identity;
import io.ztpd.core.store.PendingDevice;
import io.ztpd.core.store.Store;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unknown devices waiting for an operator. Sightings arrive per packet (a DHCP storm of unknown
 * devices is thousands a second), so they update memory at once and reach the store written behind,
 * twice a second, in one transaction. The first sighting of a device is an event.
 */
final class PendingQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PendingQueue.class);

  private final Store store;
  private final EventRecorder events;
  private final Map<String, PendingDevice> byId = new ConcurrentHashMap<>();
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService flusher =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("pending-flush").daemon(true).factory());

  PendingQueue(Store store, EventRecorder events) {
    this.store = store;
    this.events = events;
    for (PendingDevice p : store.pending().all()) byId.put(p.id(), p);
    flusher.scheduleWithFixedDelay(this::flushQuietly, 500, 500, TimeUnit.MILLISECONDS);
  }

  /** The queue key: serial, else MAC, else client-id, else address. */
  static String idFor(Identity id) {
    if (id.serial() != null && !id.serial().isBlank())
      return "sn-" + DeviceFromIdentity.slug(id.serial());
    if (id.mac() != null) return "mac-" + id.mac().replace(":", "");
    if (id.clientId() != null) return "cid-" + DeviceFromIdentity.slug(id.clientId());
    return "ip-" + (id.ip() == null ? "unknown" : id.ip());
  }

  boolean isRejected(String id) {
    PendingDevice p = byId.get(id);
    return p != null && p.state() == PendingDevice.State.REJECTED;
  }

  void seen(String id, Identity identity, String source) {
    Instant now = Instant.now();
    boolean[] first = {false};
    byId.compute(
        id,
        (k, old) -> {
          if (old == null) {
            first[0] = true;
            return new PendingDevice(k, identity, now, now, 1, source, PendingDevice.State.PENDING);
          }
          return new PendingDevice(
              k,
              old.identity().merge(identity),
              old.firstSeen(),
              now,
              old.seenCount() + 1,
              source,
              old.state());
        });
    dirty.add(id);
    if (first[0]) {
      Map<String, String> data = new LinkedHashMap<>();
      data.put("pending", id);
      put(data, "mac", identity.mac());
      put(data, "serial", identity.serial());
      put(data, "vendor", identity.vendor());
      put(data, "model", identity.model());
      put(data, "ip", identity.ip());
      put(data, "relay", identity.relay());
      events.recordEventually(
          Event.of(
              null,
              EventKind.UNKNOWN_DEVICE_SEEN,
              source,
              "unknown device " + identity.label() + " queued",
              data));
    }
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) m.put(k, v);
  }

  List<PendingDevice> all() {
    return byId.values().stream()
        .sorted(Comparator.comparing(PendingDevice::lastSeen).reversed())
        .toList();
  }

  Optional<PendingDevice> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  boolean reject(String id) {
    PendingDevice p = byId.get(id);
    if (p == null) return false;
    PendingDevice r =
        new PendingDevice(
            p.id(),
            p.identity(),
            p.firstSeen(),
            p.lastSeen(),
            p.seenCount(),
            p.source(),
            PendingDevice.State.REJECTED);
    store.pending().put(r);
    byId.put(id, r);
    return true;
  }

  void remove(String id) {
    byId.remove(id);
    dirty.remove(id);
    store.pending().delete(id);
  }

  synchronized void flush() {
    if (dirty.isEmpty()) return;
    Map<String, PendingDevice> batch = new HashMap<>();
    for (String id : List.copyOf(dirty)) {
      dirty.remove(id);
      PendingDevice p = byId.get(id);
      if (p != null) batch.put(id, p);
    }
    try {
      store.inTransaction(
          tx -> {
            tx.pending().putAll(batch.values());
            return null;
          });
    } catch (RuntimeException e) {
      dirty.addAll(batch.keySet()); // try again next round
      throw e;
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      log.warn("pending queue: could not store sightings, will retry: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    flusher.shutdown();
    flushQuietly();
  }
}
