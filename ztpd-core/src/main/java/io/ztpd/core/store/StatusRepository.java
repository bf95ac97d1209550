package io.ztpd.core.store;

import io.ztpd.core.lifecycle.DeviceStatus;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The lifecycle projection, stored beside the events in the same transaction so the board can page
 * and filter in the database. It can always be rebuilt from the {@link EventLog}.
 */
public interface StatusRepository {
  List<DeviceStatus> all();

  Optional<DeviceStatus> get(String deviceId);

  void putAll(Collection<DeviceStatus> statuses);

  boolean delete(String deviceId);

  /** One filtered, sorted page for the board, with the total of matching rows. */
  StatusPage page(StatusQuery query);

  /** Devices per value of each board column, over the statuses matching {@code text} (or all). */
  StatusCounts counts(String textOrNull);
}
