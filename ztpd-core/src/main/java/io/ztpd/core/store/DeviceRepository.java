package io.ztpd.core.store;

import io.ztpd.core.model.Device;
import java.util.List;
import java.util.Optional;

/** Planned and adopted devices. */
public interface DeviceRepository {
  List<Device> all();

  Optional<Device> get(String id);

  /** Inserts or replaces by id. */
  void put(Device device);

  /** Returns whether a device was deleted. */
  boolean delete(String id);

  long count();
}
