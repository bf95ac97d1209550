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

  /**
   * The sequence number up to which every event is reflected in the stored states (a device's state
   * may reflect later ones: its {@code lastSeq} says). The timeline folds the events after it again
   * at start.
   */
  long statesUpto();

  void statesUpto(long seq);

  /** One filtered, sorted page for the board, with the total of matching rows. */
  StatusPage page(StatusQuery query);

  /** Devices per value of each board column, over the statuses matching {@code text} (or all). */
  StatusCounts counts(String textOrNull);
}
