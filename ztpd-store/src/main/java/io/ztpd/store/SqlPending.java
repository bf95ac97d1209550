package io.ztpd.store;

import io.ztpd.core.model.Identity;
import io.ztpd.core.store.PendingDevice;
import io.ztpd.core.store.PendingRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
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

  @Override
  public void put(PendingDevice p) {
    Identity i =
        p.identity() != null
            ? p.identity()
            : new Identity(null, null, null, null, null, null, null, null, null, null);
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO pending_devices ("
                        + COLUMNS
                        + ") VALUES (:id, :mac, :serial, :clientId, :vendorClass, :model, :vendor,"
                        + " :circuitId, :remoteId, :relay, :ip, :firstSeen, :lastSeen, :seenCount,"
                        + " :source, :state) ON CONFLICT (id) DO UPDATE SET mac = excluded.mac,"
                        + " serial = excluded.serial, client_id = excluded.client_id,"
                        + " vendor_class = excluded.vendor_class, model = excluded.model,"
                        + " vendor = excluded.vendor, circuit_id = excluded.circuit_id,"
                        + " remote_id = excluded.remote_id, relay = excluded.relay, ip = excluded.ip,"
                        + " first_seen_us = excluded.first_seen_us,"
                        + " last_seen_us = excluded.last_seen_us, seen_count = excluded.seen_count,"
                        + " source = excluded.source, state = excluded.state")
                .bind("id", p.id())
                .bind("mac", i.mac())
                .bind("serial", i.serial())
                .bind("clientId", i.clientId())
                .bind("vendorClass", i.vendorClass())
                .bind("model", i.model())
                .bind("vendor", i.vendor())
                .bind("circuitId", i.circuitId())
                .bind("remoteId", i.remoteId())
                .bind("relay", i.relay())
                .bind("ip", i.ip())
                .bind("firstSeen", Columns.micros(p.firstSeen()))
                .bind("lastSeen", Columns.micros(p.lastSeen()))
                .bind("seenCount", p.seenCount())
                .bind("source", p.source() == null ? "" : p.source())
                .bind(
                    "state",
                    Columns.name(p.state() == null ? PendingDevice.State.PENDING : p.state()))
                .execute());
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
