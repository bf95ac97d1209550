package io.ztpd.store;

import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.store.StatusQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.statement.Query;

/**
 * The WHERE and ORDER BY of a {@link StatusQuery}. Every value is bound; only fixed column names
 * and enum-derived constants are written into the SQL.
 */
record StatusFilter(StatusQuery q, String where, String orderBy) {
  static final String FROM = "device_status s LEFT JOIN devices d ON d.id = s.device_id";

  /** Columns the text search looks in; '!' escapes LIKE wildcards in the user's text. */
  private static final List<String> SEARCHED =
      List.of("s.device_id", "d.hostname", "d.serial", "d.mac", "s.ip");

  static StatusFilter of(StatusQuery q) {
    List<String> conditions = new ArrayList<>();
    in(conditions, "s.phase", "phase", q.phases());
    in(conditions, "s.conf_min", "confMin", q.confMin());
    in(conditions, "s.serial_state", "serial", q.serial());
    in(conditions, "s.final_state", "fin", q.fin());
    if (q.text() != null) {
      conditions.add(
          "("
              + String.join(
                  " OR ",
                  SEARCHED.stream().map(c -> "LOWER(" + c + ") LIKE :text ESCAPE '!'").toList())
              + ")");
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return new StatusFilter(q, where, orderBy(q));
  }

  private static void in(List<String> conditions, String column, String name, Collection<?> set) {
    if (set.isEmpty()) return;
    List<String> params = new ArrayList<>();
    for (int i = 0; i < set.size(); i++) params.add(":" + name + i);
    conditions.add(column + " IN (" + String.join(", ", params) + ")");
  }

  Query bind(Query query) {
    bindAll(query, "phase", q.phases());
    bindAll(query, "confMin", q.confMin());
    bindAll(query, "serial", q.serial());
    bindAll(query, "fin", q.fin());
    if (q.text() != null) {
      String escaped =
          q.text()
              .toLowerCase(Locale.ROOT)
              .replace("!", "!!")
              .replace("%", "!%")
              .replace("_", "!_");
      query.bind("text", "%" + escaped + "%");
    }
    return query;
  }

  private static void bindAll(Query query, String name, Collection<? extends Enum<?>> set) {
    int i = 0;
    // sorted so the parameter numbering is stable (Set.copyOf has no order)
    for (Enum<?> e : set.stream().sorted().toList()) query.bind(name + i++, e.name());
  }

  /** Nulls sort first ascending on both databases (they disagree by default); ties by device id. */
  private static String orderBy(StatusQuery q) {
    String dir = q.descending() ? " DESC" : " ASC";
    String key =
        switch (q.sort()) {
          case DEVICE_ID -> null;
          case HOSTNAME -> "d.hostname";
          case PHASE -> phaseRank();
          case ATTEMPT -> "s.attempt";
          case LAST_EVENT_AT -> "s.last_event_at_us";
          case PHASE_SINCE -> "s.phase_since_us";
          case STARTED_AT -> "s.started_at_us";
        };
    if (key == null) return " ORDER BY s.device_id" + dir;
    return " ORDER BY CASE WHEN "
        + key
        + " IS NULL THEN 0 ELSE 1 END"
        + dir
        + ", "
        + key
        + dir
        + ", s.device_id"
        + dir;
  }

  /** Phases sort in lifecycle order, not alphabetically. */
  private static String phaseRank() {
    StringBuilder sb = new StringBuilder("CASE s.phase");
    for (Phase p : Phase.values()) {
      sb.append(" WHEN '").append(p.name()).append("' THEN ").append(p.ordinal());
    }
    return sb.append(" END").toString();
  }
}
