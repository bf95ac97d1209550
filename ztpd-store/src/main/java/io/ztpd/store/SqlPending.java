package io.ztpd.store;

import io.ztpd.core.model.Identity;
import io.ztpd.core.store.PendingDevice;
import io.ztpd.core.store.PendingRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** The unknown-device queue; identity keys as columns. */
final class SqlPending implements PendingRepository {
  private static final String COLUMNS =
      "id, mac, serial, client_id, vendor_class, model, vendor, circuit_id, remote_id, relay, ip,"
          + " first_seen_us, last_seen_us, seen_count, source, state";

  private final Db db;

  SqlPending(Db db) {
    this.db = db;
  }

  @Override
  public List<PendingDevice> all() {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT " + COLUMNS + " FROM pending_devices ORDER BY last_seen_us DESC, id")
                .map(this::map)
                .list());
  }

  @Override
  public Optional<PendingDevice> get(String id) {
    return db.read(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM pending_devices WHERE id = :id")
                .bind("id", id)
                .map(this::map)
                .findOne());
  }

  private static final String UPSERT =
      "INSERT INTO pending_devices ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
          + " SET mac = excluded.mac, serial = excluded.serial, client_id = excluded.client_id,"
          + " vendor_class = excluded.vendor_class, model = excluded.model,"
          + " vendor = excluded.vendor, circuit_id = excluded.circuit_id,"
          + " remote_id = excluded.remote_id, relay = excluded.relay, ip = excluded.ip,"
          + " first_seen_us = excluded.first_seen_us,"
          + " last_seen_us = excluded.last_seen_us, seen_count = excluded.seen_count,"
          + " source = excluded.source, state = excluded.state";

  @Override
  public void put(PendingDevice p) {
    putAll(List.of(p));
  }

  /** A storm of unknown devices is thousands of rows twice a second: one batch. */
  @Override
  public void putAll(Collection<PendingDevice> devices) {
    if (devices.isEmpty()) return;
    db.write(h -> JdbcBatch.run(h, UPSERT, devices, SqlPending::bind, "pending devices"));
  }

  private static void bind(PreparedStatement ps, PendingDevice p) throws SQLException {
    Identity i =
        p.identity() != null
            ? p.identity()
            : new Identity(null, null, null, null, null, null, null, null, null, null);
    int c = 1;
    ps.setString(c++, p.id());
    ps.setString(c++, i.mac());
    ps.setString(c++, i.serial());
    ps.setString(c++, i.clientId());
    ps.setString(c++, i.vendorClass());
    ps.setString(c++, i.model());
    ps.setString(c++, i.vendor());
    ps.setString(c++, i.circuitId());
    ps.setString(c++, i.remoteId());
    ps.setString(c++, i.relay());
    ps.setString(c++, i.ip());
    Columns.setMicros(ps, c++, p.firstSeen());
    Columns.setMicros(ps, c++, p.lastSeen());
    ps.setLong(c++, p.seenCount());
    ps.setString(c++, p.source() == null ? "" : p.source());
    ps.setString(c, Columns.name(p.state() == null ? PendingDevice.State.PENDING : p.state()));
  }

  @Override
  public boolean delete(String id) {
    return db.write(
            h ->
                h.createUpdate("DELETE FROM pending_devices WHERE id = :id")
                    .bind("id", id)
                    .execute())
        > 0;
  }

  private PendingDevice map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new PendingDevice(
        rs.getString("id"),
        new Identity(
            rs.getString("mac"),
            rs.getString("serial"),
            rs.getString("client_id"),
            rs.getString("vendor_class"),
            rs.getString("model"),
            rs.getString("vendor"),
            rs.getString("circuit_id"),
            rs.getString("remote_id"),
            rs.getString("relay"),
            rs.getString("ip")),
        Columns.instant(rs, "first_seen_us"),
        Columns.instant(rs, "last_seen_us"),
        rs.getLong("seen_count"),
        rs.getString("source"),
        Columns.enumOf(PendingDevice.State.class, rs, "state"));
  }
}
