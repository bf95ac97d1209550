package io.ztpd.core.store;

import java.util.List;
import java.util.Optional;

/** The queue of unknown devices. */
public interface PendingRepository {
  List<PendingDevice> all();

  Optional<PendingDevice> get(String id);

  void put(PendingDevice device);

  boolean delete(String id);
}
