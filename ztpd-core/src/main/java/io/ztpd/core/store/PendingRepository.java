package io.ztpd.core.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The queue of unknown devices. */
public interface PendingRepository {
  List<PendingDevice> all();

  Optional<PendingDevice> get(String id);

  void put(PendingDevice device);

  /** Stores many at once: the write-behind of a storm of unknown devices. */
  default void putAll(Collection<PendingDevice> devices) {
    devices.forEach(this::put);
  }

  boolean delete(String id);
}
