package io.ztpd.store;

import io.ztpd.core.model.Group;
import io.ztpd.core.store.GroupRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** Groups (table device_groups: GROUPS is an SQL keyword). */
final class SqlGroups implements GroupRepository {
  private final Db db;

  SqlGroups(Db db) {
    this.db = db;
  }

  @Override
  public List<Group> all() {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT name, approval_required, variables FROM device_groups ORDER BY name")
                .map(this::map)
                .list());
  }

  @Override
  public Optional<Group> get(String name) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT name, approval_required, variables FROM device_groups WHERE name = :n")
                .bind("n", name)
                .map(this::map)
                .findOne());
  }

  @Override
  public void put(Group g) {
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO device_groups (name, approval_required, variables)"
                        + " VALUES (:n, :a, :v) ON CONFLICT (name) DO UPDATE SET"
                        + " approval_required = excluded.approval_required,"
                        + " variables = excluded.variables")
                .bind("n", g.name())
                .bind("a", g.approvalRequired())
                .bind("v", db.columns().json(g.variables()))
                .execute());
  }

  @Override
  public boolean delete(String name) {
    return db.write(
            h ->
                h.createUpdate("DELETE FROM device_groups WHERE name = :n")
                    .bind("n", name)
                    .execute())
        > 0;
  }

  private Group map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Group(
        rs.getString("name"),
        rs.getBoolean("approval_required"),
        db.columns().objectMap(rs, "variables"));
  }
}
