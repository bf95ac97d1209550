package io.ztpd.core.board;

import io.ztpd.core.lifecycle.ConfMin;
import io.ztpd.core.lifecycle.FinalState;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.lifecycle.SerialState;
import java.util.Locale;

/**
 * What a board / API caller wants to see: filters, free-text search, sort and a page.
 *
 * @param text case-insensitive search over id, hostname, serial, MAC, IP, vendor, model, site
 * @param phase only this phase, or null
 * @param confMin only this Conf Min state, or null
 * @param serial only this Serial state, or null
 * @param fin only this Conf Final state, or null
 * @param site only this site, or null
 * @param vendor only this vendor, or null
 * @param sort column: id, hostname, serial, mac, ip, vendor, site, phase, last_event, elapsed
 * @param descending sort order
 * @param offset first row
 * @param limit at most this many rows (capped at 1000)
 */
public record DeviceQuery(
    String text,
    Phase phase,
    ConfMin confMin,
    SerialState serial,
    FinalState fin,
    String site,
    String vendor,
    String sort,
    boolean descending,
    int offset,
    int limit) {

  public static final int MAX_LIMIT = 1000;

  public DeviceQuery {
    text = text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT);
    sort = sort == null || sort.isBlank() ? "id" : sort;
    if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
    if (limit <= 0) limit = 100;
    limit = Math.min(limit, MAX_LIMIT);
  }

  public static DeviceQuery all() {
    return new DeviceQuery(null, null, null, null, null, null, null, "id", false, 0, MAX_LIMIT);
  }
}
