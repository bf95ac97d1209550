package io.ztpd.store;

import io.ztpd.core.store.Credential;
import io.ztpd.core.store.CredentialRepository;
import java.util.Optional;

/** Generated local accounts; the foreign key to devices removes them with their device. */
final class SqlCredentials implements CredentialRepository {
  private final Db db;

  SqlCredentials(Db db) {
    this.db = db;
  }

  @Override
  public Optional<Credential> get(String deviceId) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT device_id, username, password_encrypted, created_us FROM credentials"
                        + " WHERE device_id = :d")
                .bind("d", deviceId)
                .map(
                    (rs, ctx) ->
                        new Credential(
                            rs.getString("device_id"),
                            rs.getString("username"),
                            rs.getString("password_encrypted"),
                            Columns.instant(rs, "created_us")))
                .findOne());
  }

  @Override
  public void put(Credential c) {
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO credentials (device_id, username, password_encrypted, created_us)"
                        + " VALUES (:d, :u, :p, :c) ON CONFLICT (device_id) DO UPDATE SET"
                        + " username = excluded.username,"
                        + " password_encrypted = excluded.password_encrypted,"
                        + " created_us = excluded.created_us")
                .bind("d", c.deviceId())
                .bind("u", c.username())
                .bind("p", c.passwordEncrypted())
                .bind("c", Columns.micros(c.created()))
                .execute());
  }

  @Override
  public boolean delete(String deviceId) {
    return db.write(
            h ->
                h.createUpdate("DELETE FROM credentials WHERE device_id = :d")
                    .bind("d", deviceId)
                    .execute())
        > 0;
  }
}
