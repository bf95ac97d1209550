package io.ztpd.store;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.store.EventLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The timeline. Sequence numbers are assigned here, in order, inside the appending transaction:
 * {@code max(seq) + 1 ...} while holding the append lock (see {@link Dialect#lockEventAppends}), so
 * a batch gets consecutive numbers and commit order equals sequence order on both databases.
 *
 * <p>On SQLite ({@link Dialect#deferredEventIndex}) a device's events are found through {@code
 * event_index}, filled behind the appends by {@link EventIndexer}, plus the table's short tail
 * after the mark of the device's slice, read in one snapshot.
 */
final class SqlEvents implements EventLog {
  private static final String COLUMNS = "seq, time_us, device_id, kind, source, detail, data";
  private static final String INSERT =
      "INSERT INTO events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";

  /** A device's events through the index, plus the tail after the index's mark. */
  private static final String DEVICE_SEQS =
      "SELECT seq FROM (SELECT seq FROM event_index WHERE device_id = :d AND seq > :after"
          + " ORDER BY seq %1$s LIMIT :limit)"
          + " UNION ALL SELECT seq FROM events WHERE seq > (SELECT upto FROM event_index_state"
          + " WHERE id = :slice) AND seq > :after AND device_id = :d";

  private final Db db;

  SqlEvents(Db db) {
    this.db = db;
  }

  @Override
  public List<Event> append(List<Event> events) {
    if (events.isEmpty()) return List.of();
    return db.write(
        h -> {
          db.dialect().lockEventAppends(h);
          List<Event> stored = insert(h, events, maxSeq(h) + 1);
          EventIndexer indexer = db.eventIndexer();
          if (indexer != null) indexer.appended(h, stored);
          return stored;
        });
  }

  /** Plain JDBC: once per batch on the hot path, where Jdbi's query machinery cost the most. */
  static long maxSeq(Handle h) {
    try (PreparedStatement ps =
            h.getConnection().prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM events");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException("reading the last sequence number", e, null);
    }
  }

  /** A plain JDBC batch: this is the hot path of a DHCP storm, no per-row binding objects. */
  private List<Event> insert(Handle h, List<Event> events, long firstSeq) {
    List<Event> stored = new ArrayList<>(events.size());
    try (PreparedStatement ps = h.getConnection().prepareStatement(INSERT)) {
      long seq = firstSeq;
      for (Event e : events) {
        Event s =
            new Event(
                seq++,
                Columns.truncate(e.time()),
                e.deviceId(),
                e.kind(),
                e.source(),
                e.detail(),
                e.data());
        ps.setLong(1, s.seq());
        ps.setLong(2, Columns.micros(s.time()));
        if (s.deviceId() == null) ps.setNull(3, Types.VARCHAR);
        else ps.setString(3, s.deviceId());
        ps.setString(4, s.kind().name());
        ps.setString(5, s.source());
        ps.setString(6, s.detail());
        ps.setString(7, Columns.stringMapJson(s.data()));
        ps.addBatch();
        stored.add(s);
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(
          "appending " + events.size() + " events", e, null);
    }
    return stored;
  }

  @Override
  public List<Event> forDevice(String deviceId, long afterSeq, int limit) {
    return deviceEvents(deviceId, afterSeq, limit, "ASC");
  }

  /** A device's events after {@code afterSeq}, the first or the last {@code limit} of them. */
  private List<Event> deviceEvents(String deviceId, long afterSeq, int limit, String order) {
    boolean deferred = db.eventIndexer() != null;
    String where =
        deferred
            ? "seq IN (" + DEVICE_SEQS.formatted(order) + ")"
            : "device_id = :d AND seq > :after";
    return db.read(
        h -> {
          var q =
              h.createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM events WHERE "
                          + where
                          + " ORDER BY seq "
                          + order
                          + " LIMIT :limit")
                  .bind("d", deviceId)
                  .bind("after", afterSeq)
                  .bind("limit", limit);
          if (deferred) q.bind("slice", EventIndexer.slice(deviceId));
          return q.map(this::map).list();
        });
  }

  @Override
  public List<Event> after(long afterSeq, int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM events WHERE seq > :after ORDER BY seq LIMIT :limit")
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map(this::map)
                .list());
  }

  @Override
  public List<Event> latest(String deviceIdOrNull, int limit) {
    if (deviceIdOrNull != null) return deviceEvents(deviceIdOrNull, 0, limit, "DESC");
    return db.read(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM events ORDER BY seq DESC LIMIT :limit")
                .bind("limit", limit)
                .map(this::map)
                .list());
  }

  @Override
  public long lastSeq() {
    return db.read(
        h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM events").mapTo(Long.class).one());
  }

  @Override
  public long count() {
    return db.read(h -> h.createQuery("SELECT COUNT(*) FROM events").mapTo(Long.class).one());
  }

  private Event map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Event(
        rs.getLong("seq"),
        Columns.instant(rs, "time_us"),
        rs.getString("device_id"),
        EventKind.valueOf(rs.getString("kind")),
        rs.getString("source"),
        rs.getString("detail"),
        db.columns().stringMap(rs, "data"));
  }
}
