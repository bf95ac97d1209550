package io.ztpd.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ztpd.core.store.Store;
import io.ztpd.core.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the store named by a URL: creates what is missing (SQLite file and its directory), brings
 * the schema up to date with Flyway and returns a ready {@link Store}.
 *
 * <p>SQLite runs in WAL mode with one writer connection (every write transaction starts IMMEDIATE,
 * so writers queue in the pool instead of failing with SQLITE_BUSY) and a few query-only reader
 * connections that read while it writes. With {@code synchronous=NORMAL} (the default) a committed
 * transaction survives a crash of the process (kill -9): it is in the WAL file, which SQLite
 * replays on the next open. It may be lost if the machine itself loses power before the next
 * checkpoint; {@code sqlite:<path>?synchronous=full} fsyncs every commit and survives that too, at
 * a cost in commits per second (see bench/RESULTS.md).
 *
 * <p>PostgreSQL uses one pool for everything; several ztpd nodes may share the database.
 */
public final class Stores {
  private static final int WRITER_CACHE_KIB = 32 * 1024;

  /** How often the WAL is copied back into the database file, off the writer's path. */
  static final Duration CHECKPOINT_EVERY = Duration.ofMillis(500);

  /** A WAL that grew past this during a burst is truncated back to it after a checkpoint. */
  private static final int WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

  private Stores() {}

  /** Opens {@code url} with {@link StoreOptions#defaults()}. */
  public static Store open(String url) {
    return open(url, StoreOptions.defaults());
  }

  /**
   * Opens {@code url}: {@code sqlite:<path>}, {@code postgresql://user:pass@host:port/db} or their
   * {@code jdbc:} spellings.
   *
   * @throws StoreException naming the URL (never its password) when it is malformed, the database
   *     cannot be reached or the schema cannot be migrated
   */
  public static Store open(String url, StoreOptions options) {
    StoreUrl u = StoreUrl.parse(url);
    return switch (u.dialect()) {
      case SQLITE -> openSqlite(u, options);
      case POSTGRESQL -> openPostgres(u, options);
    };
  }

  private static Store openSqlite(StoreUrl u, StoreOptions o) {
    try {
      Files.createDirectories(u.sqliteFile().getParent());
    } catch (IOException e) {
      throw new StoreException(
          "cannot open store "
              + u.redacted()
              + ": cannot create directory "
              + u.sqliteFile().getParent()
              + ": "
              + e.getMessage(),
          e);
    }
    HikariDataSource writer = null;
    HikariDataSource readers = null;
    WalCheckpointer checkpointer = null;
    try {
      writer =
          pool(
              "ztpd-sqlite-writer",
              sqlite(u, o, true),
              1,
              "PRAGMA wal_autocheckpoint = " + WalCheckpointer.WRITER_AUTOCHECKPOINT_PAGES,
              o);
      migrate(u, writer);
      readers =
          pool(
              "ztpd-sqlite-reader",
              sqlite(u, o, false),
              o.sqliteReaders(),
              "PRAGMA query_only = true",
              o);
      checkpointer = new WalCheckpointer(sqlite(u, o, false), CHECKPOINT_EVERY).start();
      return new JdbiStore(Dialect.SQLITE, u.redacted(), writer, readers, checkpointer);
    } catch (RuntimeException e) {
      if (checkpointer != null) checkpointer.close();
      closeQuietly(readers);
      closeQuietly(writer);
      throw failure(u, e);
    }
  }

  private static SQLiteDataSource sqlite(StoreUrl u, StoreOptions o, boolean writer) {
    SQLiteConfig c = new SQLiteConfig();
    c.enforceForeignKeys(true);
    c.setBusyTimeout((int) o.busyTimeout().toMillis());
    if (writer) {
      c.setJournalMode(SQLiteConfig.JournalMode.WAL);
      c.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(u.sqliteSynchronous()));
      c.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      // the device index and the device states touch one leaf per device: keep a fleet's leaves in
      // memory instead of reading them back from the file every time (SQLite's default is 2 MiB)
      c.setCacheSize(-WRITER_CACHE_KIB);
      c.setJournalSizeLimit(WAL_SIZE_LIMIT_BYTES);
    }
    SQLiteDataSource ds = new SQLiteDataSource(c);
    ds.setUrl(u.jdbcUrl());
    return ds;
  }

  private static Store openPostgres(StoreUrl u, StoreOptions o) {
    HikariConfig c = new HikariConfig();
    c.setPoolName("ztpd-postgresql");
    c.setJdbcUrl(u.jdbcUrl());
    if (u.user() != null) c.setUsername(u.user());
    if (u.password() != null) c.setPassword(u.password());
    c.setMaximumPoolSize(o.postgresPoolSize());
    c.setConnectionTimeout(Math.max(250, o.connectTimeout().toMillis()));
    // the driver's own timeouts, in seconds, so an unreachable host fails at start, not never
    long seconds = Math.max(1, o.connectTimeout().toSeconds());
    c.addDataSourceProperty("connectTimeout", seconds);
    c.addDataSourceProperty("loginTimeout", seconds);
    // turns a JDBC batch into multi-row INSERTs: event batches go in a few round trips
    c.addDataSourceProperty("reWriteBatchedInserts", true);
    c.addDataSourceProperty("ApplicationName", "ztpd");
    HikariDataSource pool = null;
    try {
      pool = new HikariDataSource(c);
      migrate(u, pool);
      return new JdbiStore(Dialect.POSTGRESQL, u.redacted(), pool, pool, null);
    } catch (RuntimeException e) {
      closeQuietly(pool);
      throw failure(u, e);
    }
  }

  private static HikariDataSource pool(
      String name, SQLiteDataSource ds, int size, String initSql, StoreOptions o) {
    HikariConfig c = new HikariConfig();
    if (initSql != null) c.setConnectionInitSql(initSql);
    c.setPoolName(name);
    c.setDataSource(ds);
    c.setMaximumPoolSize(size);
    c.setConnectionTimeout(Math.max(250, o.connectTimeout().toMillis()));
    return new HikariDataSource(c);
  }

  private static void migrate(StoreUrl u, HikariDataSource ds) {
    Flyway.configure()
        .dataSource(ds)
        .locations(u.dialect().migrationLocations())
        .placeholders(u.dialect().placeholders())
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  /** One message that names the store (without password) and the root cause. */
  private static StoreException failure(StoreUrl u, RuntimeException e) {
    if (e instanceof StoreException se && se.getMessage().contains(u.redacted())) return se;
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String why = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    if (root instanceof SQLException sql && sql.getSQLState() != null) {
      why = why + " (SQLState " + sql.getSQLState() + ")";
    }
    return new StoreException("cannot open store " + u.redacted() + ": " + StoreUrl.redact(why), e);
  }

  private static void closeQuietly(HikariDataSource ds) {
    if (ds != null) ds.close();
  }
}
