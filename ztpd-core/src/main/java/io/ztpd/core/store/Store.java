package io.ztpd.core.store;

import java.util.function.Function;

/**
 * The persistent store. Implementations (ztpd-store) keep everything in one database; every method
 * returns only after the data is durable (committed).
 */
public interface Store extends AutoCloseable {
  DeviceRepository devices();

  SiteRepository sites();

  GroupRepository groups();

  EventLog events();

  StatusRepository statuses();

  PendingRepository pending();

  JobRepository jobs();

  CredentialRepository credentials();

  /**
   * Runs {@code work} in one transaction: all of its writes land, or none. The {@link Store} given
   * to {@code work} is bound to that transaction.
   */
  <T> T inTransaction(Function<Store, T> work);

  /** A short description for logs: "sqlite:/path/ztpd.db", "postgresql://host/db". */
  String describe();

  @Override
  void close();
}
