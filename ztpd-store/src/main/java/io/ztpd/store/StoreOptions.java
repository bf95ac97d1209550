package io.ztpd.store;

import java.time.Duration;

/**
 * Tuning of a store; {@link #defaults()} fits a single ztpd.
 *
 * @param sqliteReaders read-only SQLite connections beside the single writer (WAL lets them read
 *     while it writes)
 * @param postgresPoolSize PostgreSQL connections
 * @param busyTimeout how long a SQLite connection waits for a lock held by another process (the
 *     CLI, a second ztpd) before failing
 * @param connectTimeout how long to wait for a connection, from the pool or the database
 */
public record StoreOptions(
    int sqliteReaders, int postgresPoolSize, Duration busyTimeout, Duration connectTimeout) {

  public StoreOptions {
    if (sqliteReaders < 1) throw new IllegalArgumentException("sqliteReaders must be >= 1");
    if (postgresPoolSize < 1) throw new IllegalArgumentException("postgresPoolSize must be >= 1");
  }

  public static StoreOptions defaults() {
    return new StoreOptions(4, 10, Duration.ofSeconds(10), Duration.ofSeconds(10));
  }
}
