package io.ztpd.store;

import io.ztpd.core.event.EventKind;
import io.ztpd.core.lifecycle.ConfMin;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.lifecycle.FinalState;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.lifecycle.SerialState;
import io.ztpd.core.store.StatusCounts;
import io.ztpd.core.store.StatusPage;
import io.ztpd.core.store.StatusQuery;
import io.ztpd.core.store.StatusRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lifecycle projection, every column of {@link DeviceStatus}; enums stored by name. */
final class SqlStatuses implements StatusRepository {
  static final String COLUMNS =
      "device_id, phase, conf_min, serial_state, final_state, attempt, ip, observed_serial,"
          + " failure_reason, failure_step, last_event, last_event_detail, last_event_at_us,"
          + " started_at_us, phase_since_us, last_seq";

  private static final String UPSERT =
      "INSERT INTO device_status ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (device_id) DO UPDATE SET phase = excluded.phase,"
          + " conf_min = excluded.conf_min, serial_state = excluded.serial_state,"
          + " final_state = excluded.final_state, attempt = excluded.attempt, ip = excluded.ip,"
          + " observed_serial = excluded.observed_serial,"
          + " failure_reason = excluded.failure_reason, failure_step = excluded.failure_step,"
          + " last_event = excluded.last_event, last_event_detail = excluded.last_event_detail,"
          + " last_event_at_us = excluded.last_event_at_us,"
          + " started_at_us = excluded.started_at_us, phase_since_us = excluded.phase_since_us,"
          + " last_seq = excluded.last_seq";

  private final Db db;

  SqlStatuses(Db db) {
    this.db = db;
  }

  @Override
  public List<DeviceStatus> all() {
    return db.read(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM device_status ORDER BY device_id")
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public Optional<DeviceStatus> get(String deviceId) {
    return db.read(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM device_status WHERE device_id = :d")
                .bind("d", deviceId)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public void putAll(Collection<DeviceStatus> statuses) {
    if (statuses.isEmpty()) return;
    // every changed device's row once a second under load
    db.write(h -> JdbcBatch.run(h, UPSERT, statuses, SqlStatuses::bind, "device states"));
  }

  private static void bind(PreparedStatement ps, DeviceStatus s) throws SQLException {
    int i = 1;
    ps.setString(i++, s.deviceId());
    ps.setString(i++, Columns.name(s.phase()));
    ps.setString(i++, Columns.name(s.confMin()));
    ps.setString(i++, Columns.name(s.serial()));
    ps.setString(i++, Columns.name(s.fin()));
    ps.setInt(i++, s.attempt());
    ps.setString(i++, s.ip());
    ps.setString(i++, s.observedSerial());
    ps.setString(i++, s.failureReason());
    ps.setString(i++, s.failureStep());
    ps.setString(i++, Columns.name(s.lastEvent()));
    ps.setString(i++, s.lastEventDetail());
    Columns.setMicros(ps, i++, s.lastEventAt());
    Columns.setMicros(ps, i++, s.startedAt());
    Columns.setMicros(ps, i++, s.phaseSince());
    ps.setLong(i, s.lastSeq());
  }

  @Override
  public long statesUpto() {
    return db.read(
        h ->
            h.createQuery("SELECT states_upto FROM timeline_state WHERE id = 1")
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
  }

  @Override
  public void statesUpto(long seq) {
    db.write(h -> h.execute("UPDATE timeline_state SET states_upto = ? WHERE id = 1", seq));
  }

  @Override
  public boolean delete(String deviceId) {
    return db.write(
            h ->
                h.createUpdate("DELETE FROM device_status WHERE device_id = :d")
                    .bind("d", deviceId)
                    .execute())
        > 0;
  }

  @Override
  public StatusPage page(StatusQuery q) {
    StatusFilter f = StatusFilter.of(q);
    return db.read(
        h -> {
          long total =
              f.bind(h.createQuery("SELECT COUNT(*) FROM " + StatusFilter.FROM + f.where()))
                  .mapTo(Long.class)
                  .one();
          List<StatusPage.Row> rows =
              f.bind(
                      h.createQuery(
                          "SELECT s.device_id, s.phase, s.conf_min, s.serial_state, s.final_state,"
                              + " s.attempt, s.ip, s.observed_serial, s.failure_reason,"
                              + " s.failure_step, s.last_event, s.last_event_detail,"
                              + " s.last_event_at_us, s.started_at_us, s.phase_since_us,"
                              + " s.last_seq, d.hostname AS d_hostname, d.serial AS d_serial,"
                              + " d.mac AS d_mac, d.vendor AS d_vendor, d.site AS d_site FROM "
                              + StatusFilter.FROM
                              + f.where()
                              + f.orderBy()
                              + " LIMIT :limit OFFSET :offset"))
                  .bind("limit", q.limit())
                  .bind("offset", q.offset())
                  .map(
                      (rs, ctx) ->
                          new StatusPage.Row(
                              map(rs),
                              rs.getString("d_hostname"),
                              rs.getString("d_serial"),
                              rs.getString("d_mac"),
                              rs.getString("d_vendor"),
                              rs.getString("d_site")))
                  .list();
          return new StatusPage(rows, total);
        });
  }

  @Override
  public StatusCounts counts(String textOrNull) {
    StatusFilter f = StatusFilter.of(StatusQuery.all(1).withText(textOrNull));
    Map<Phase, Long> phase = zeros(Phase.class);
    Map<ConfMin, Long> confMin = zeros(ConfMin.class);
    Map<SerialState, Long> serial = zeros(SerialState.class);
    Map<FinalState, Long> fin = zeros(FinalState.class);
    long total =
        db.read(
            h ->
                f.bind(
                        h.createQuery(
                            "SELECT s.phase, s.conf_min, s.serial_state, s.final_state,"
                                + " COUNT(*) AS n FROM "
                                + StatusFilter.FROM
                                + f.where()
                                + " GROUP BY s.phase, s.conf_min, s.serial_state, s.final_state"))
                    .reduceResultSet(
                        0L,
                        (sum, rs, ctx) -> {
                          long n = rs.getLong("n");
                          phase.merge(Columns.enumOf(Phase.class, rs, "phase"), n, Long::sum);
                          confMin.merge(
                              Columns.enumOf(ConfMin.class, rs, "conf_min"), n, Long::sum);
                          serial.merge(
                              Columns.enumOf(SerialState.class, rs, "serial_state"), n, Long::sum);
                          fin.merge(
                              Columns.enumOf(FinalState.class, rs, "final_state"), n, Long::sum);
                          return sum + n;
                        }));
    return new StatusCounts(total, phase, confMin, serial, fin);
  }

  private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
    Map<E, Long> m = new EnumMap<>(type);
    for (E e : type.getEnumConstants()) m.put(e, 0L);
    return m;
  }

  static DeviceStatus map(ResultSet rs) throws SQLException {
    return new DeviceStatus(
        rs.getString("device_id"),
        Columns.enumOf(Phase.class, rs, "phase"),
        Columns.enumOf(ConfMin.class, rs, "conf_min"),
        Columns.enumOf(SerialState.class, rs, "serial_state"),
        Columns.enumOf(FinalState.class, rs, "final_state"),
        rs.getInt("attempt"),
        rs.getString("ip"),
        rs.getString("observed_serial"),
        rs.getString("failure_reason"),
        rs.getString("failure_step"),
        Columns.enumOf(EventKind.class, rs, "last_event"),
        rs.getString("last_event_detail"),
        Columns.instant(rs, "last_event_at_us"),
        Columns.instant(rs, "started_at_us"),
        Columns.instant(rs, "phase_since_us"),
        rs.getLong("last_seq"));
  }
}
