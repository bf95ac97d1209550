package io.ztpd.core.store;

import io.ztpd.core.lifecycle.DeviceStatus;
import java.util.List;

/**
 * One page of the board.
 *
 * @param rows the statuses of this page, each with the device facts the board shows
 * @param total how many statuses match the query (all pages)
 */
public record StatusPage(List<Row> rows, long total) {
  public StatusPage {
    rows = List.copyOf(rows);
  }

  /**
   * A status and the device columns joined from the inventory; the device fields are null when the
   * device is no longer in the inventory.
   */
  public record Row(
      DeviceStatus status,
      String hostname,
      String serial,
      String mac,
      String vendor,
      String site) {}
}
