package io.ztpd.store;

import io.ztpd.core.model.Device;
import io.ztpd.core.store.DeviceRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** Devices: identity keys as indexed columns, variables as JSON. */
final class SqlDevices implements DeviceRepository {
  private static final String COLUMNS =
      "id, hostname, serial, mac, vendor, model, client_id, circuit_id, remote_id, site,"
          + " group_name, template, final_template, target_image, fixed_ip, variables";

  // ON CONFLICT DO UPDATE (not REPLACE): the row stays, so its credential (ON DELETE CASCADE) too
  private static final String UPSERT =
      "INSERT INTO devices ("
          + COLUMNS
          + ") VALUES (:id, :hostname, :serial, :mac, :vendor, :model, :clientId, :circuitId,"
          + " :remoteId, :site, :group, :template, :finalTemplate, :targetImage, :fixedIp,"
          + " :variables) ON CONFLICT (id) DO UPDATE SET hostname = excluded.hostname,"
          + " serial = excluded.serial, mac = excluded.mac, vendor = excluded.vendor,"
          + " model = excluded.model, client_id = excluded.client_id,"
          + " circuit_id = excluded.circuit_id, remote_id = excluded.remote_id,"
          + " site = excluded.site, group_name = excluded.group_name,"
          + " template = excluded.template, final_template = excluded.final_template,"
          + " target_image = excluded.target_image, fixed_ip = excluded.fixed_ip,"
          + " variables = excluded.variables";

  private final Db db;

  SqlDevices(Db db) {
    this.db = db;
  }

  @Override
  public List<Device> all() {
    return db.read(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM devices ORDER BY id").map(this::map).list());
  }

  @Override
  public Optional<Device> get(String id) {
    return db.read(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM devices WHERE id = :id")
                .bind("id", id)
                .map(this::map)
                .findOne());
  }

  @Override
  public void put(Device d) {
    db.write(
        h ->
            h.createUpdate(UPSERT)
                .bind("id", d.id())
                .bind("hostname", d.hostname())
                .bind("serial", d.serial())
                .bind("mac", d.mac())
                .bind("vendor", d.vendor())
                .bind("model", d.model())
                .bind("clientId", d.clientId())
                .bind("circuitId", d.circuitId())
                .bind("remoteId", d.remoteId())
                .bind("site", d.site())
                .bind("group", d.group())
                .bind("template", d.template())
                .bind("finalTemplate", d.finalTemplate())
                .bind("targetImage", d.targetImage())
                .bind("fixedIp", d.fixedIp())
                .bind("variables", db.columns().json(d.variables()))
                .execute());
  }

  @Override
  public boolean delete(String id) {
    return db.write(
            h -> h.createUpdate("DELETE FROM devices WHERE id = :id").bind("id", id).execute())
        > 0;
  }

  @Override
  public long count() {
    return db.read(h -> h.createQuery("SELECT COUNT(*) FROM devices").mapTo(Long.class).one());
  }

  private Device map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Device(
        rs.getString("id"),
        rs.getString("hostname"),
        rs.getString("serial"),
        rs.getString("mac"),
        rs.getString("vendor"),
        rs.getString("model"),
        rs.getString("client_id"),
        rs.getString("circuit_id"),
        rs.getString("remote_id"),
        rs.getString("site"),
        rs.getString("group_name"),
        rs.getString("template"),
        rs.getString("final_template"),
        rs.getString("target_image"),
        rs.getString("fixed_ip"),
        db.columns().objectMap(rs, "variables"));
  }
}
