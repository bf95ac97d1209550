package io.ztpd.core.store;

import io.ztpd.core.lifecycle.ConfMin;
import io.ztpd.core.lifecycle.FinalState;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.lifecycle.SerialState;
import java.util.Set;

/**
 * What the board asks of the {@link StatusRepository}: filters, a text search, a sort and a page.
 * Empty filter sets mean "any".
 *
 * @param phases keep statuses in one of these phases
 * @param confMin keep these Conf Min values
 * @param serial keep these Serial values
 * @param fin keep these Conf Final values
 * @param text case-insensitive substring of device id, hostname, serial, MAC or IP; null or blank
 *     for none
 * @param sort sort key
 * @param descending sort direction
 * @param offset rows to skip
 * @param limit rows to return at most (1..10,000)
 */
public record StatusQuery(
    Set<Phase> phases,
    Set<ConfMin> confMin,
    Set<SerialState> serial,
    Set<FinalState> fin,
    String text,
    Sort sort,
    boolean descending,
    int offset,
    int limit) {

  public static final int MAX_LIMIT = 10_000;

  /** Sort keys; ties are broken by device id. */
  public enum Sort {
    DEVICE_ID,
    HOSTNAME,
    PHASE,
    ATTEMPT,
    LAST_EVENT_AT,
    PHASE_SINCE,
    STARTED_AT
  }

  public StatusQuery {
    phases = phases == null ? Set.of() : Set.copyOf(phases);
    confMin = confMin == null ? Set.of() : Set.copyOf(confMin);
    serial = serial == null ? Set.of() : Set.copyOf(serial);
    fin = fin == null ? Set.of() : Set.copyOf(fin);
    text = text == null || text.isBlank() ? null : text.strip();
    sort = sort == null ? Sort.DEVICE_ID : sort;
    if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
  }

  /** Every status, by device id, first page of {@code limit}. */
  public static StatusQuery all(int limit) {
    return new StatusQuery(null, null, null, null, null, Sort.DEVICE_ID, false, 0, limit);
  }

  public StatusQuery withPhases(Set<Phase> p) {
    return new StatusQuery(p, confMin, serial, fin, text, sort, descending, offset, limit);
  }

  public StatusQuery withText(String t) {
    return new StatusQuery(phases, confMin, serial, fin, t, sort, descending, offset, limit);
  }

  public StatusQuery sortedBy(Sort s, boolean desc) {
    return new StatusQuery(phases, confMin, serial, fin, text, s, desc, offset, limit);
  }

  public StatusQuery page(int newOffset, int newLimit) {
    return new StatusQuery(
        phases, confMin, serial, fin, text, sort, descending, newOffset, newLimit);
  }
}
