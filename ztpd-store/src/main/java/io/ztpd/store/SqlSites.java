package io.ztpd.store;

import io.ztpd.core.model.Site;
import io.ztpd.core.store.SiteRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** Sites: lists and variables as JSON. */
final class SqlSites implements SiteRepository {
  private static final String COLUMNS =
      "name, subnet, relays, pools, exclusions, router, dns, domain, ntp, syslog, lease_seconds,"
          + " variables";

  private final Db db;

  SqlSites(Db db) {
    this.db = db;
  }

  @Override
  public List<Site> all() {
    return db.read(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM sites ORDER BY name").map(this::map).list());
  }

  @Override
  public Optional<Site> get(String name) {
    return db.read(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM sites WHERE name = :name")
                .bind("name", name)
                .map(this::map)
                .findOne());
  }

  @Override
  public void put(Site s) {
    Columns c = db.columns();
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO sites ("
                        + COLUMNS
                        + ") VALUES (:name, :subnet, :relays, :pools, :exclusions, :router, :dns,"
                        + " :domain, :ntp, :syslog, :leaseSeconds, :variables)"
                        + " ON CONFLICT (name) DO UPDATE SET subnet = excluded.subnet,"
                        + " relays = excluded.relays, pools = excluded.pools,"
                        + " exclusions = excluded.exclusions, router = excluded.router,"
                        + " dns = excluded.dns, domain = excluded.domain, ntp = excluded.ntp,"
                        + " syslog = excluded.syslog, lease_seconds = excluded.lease_seconds,"
                        + " variables = excluded.variables")
                .bind("name", s.name())
                .bind("subnet", s.subnet())
                .bind("relays", c.json(s.relays()))
                .bind("pools", c.json(s.pools()))
                .bind("exclusions", c.json(s.exclusions()))
                .bind("router", s.router())
                .bind("dns", c.json(s.dns()))
                .bind("domain", s.domain())
                .bind("ntp", c.json(s.ntp()))
                .bind("syslog", c.json(s.syslog()))
                .bind("leaseSeconds", s.leaseSeconds())
                .bind("variables", c.json(s.variables()))
                .execute());
  }

  @Override
  public boolean delete(String name) {
    return db.write(
            h ->
                h.createUpdate("DELETE FROM sites WHERE name = :name").bind("name", name).execute())
        > 0;
  }

  private Site map(ResultSet rs, StatementContext ctx) throws SQLException {
    Columns c = db.columns();
    return new Site(
        rs.getString("name"),
        rs.getString("subnet"),
        c.stringList(rs, "relays"),
        c.stringList(rs, "pools"),
        c.stringList(rs, "exclusions"),
        rs.getString("router"),
        c.stringList(rs, "dns"),
        rs.getString("domain"),
        c.stringList(rs, "ntp"),
        c.stringList(rs, "syslog"),
        rs.getInt("lease_seconds"),
        c.objectMap(rs, "variables"));
  }
}
