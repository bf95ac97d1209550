package io.ztpd.store;

import com.zaxxer.hikari.HikariDataSource;
import io.ztpd.core.store.Store;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/** The {@link Store} over JDBI; built by {@link Stores#open}. */
final class JdbiStore extends RepositoryStore {
  private final HikariDataSource writerPool;
  private final HikariDataSource readerPool;
  private final PooledDb db;
  private final WalCheckpointer checkpointer;

  /**
   * @param checkpointer SQLite's background checkpoint, stopped before the pools close; null for
   *     PostgreSQL
   */
  JdbiStore(
      Dialect dialect,
      String describe,
      HikariDataSource writerPool,
      HikariDataSource readerPool,
      WalCheckpointer checkpointer) {
    this(
        new PooledDb(Jdbi.create(writerPool), Jdbi.create(readerPool), dialect, describe),
        describe,
        writerPool,
        readerPool,
        checkpointer);
  }

  private JdbiStore(
      PooledDb db,
      String describe,
      HikariDataSource writerPool,
      HikariDataSource readerPool,
      WalCheckpointer checkpointer) {
    super(db, describe);
    this.db = db;
    this.writerPool = writerPool;
    this.readerPool = readerPool;
    this.checkpointer = checkpointer;
    indexEventsNow(); // what a stop or a crash left unindexed
  }

  @Override
  public <T> T inTransaction(Function<Store, T> work) {
    return db.write(
        handle -> {
          BoundDb bound =
              new BoundDb(handle, db.dialect(), db.columns(), db.eventIndexer(), describe());
          try {
            return work.apply(new BoundStore(bound, describe()));
          } finally {
            bound.end();
          }
        });
  }

  /** Indexes every event by device now (at start, and for tests) instead of slice by slice. */
  void indexEventsNow() {
    EventIndexer indexer = db.eventIndexer();
    if (indexer == null) return;
    db.write(
        h -> {
          indexer.catchUp(h);
          return null;
        });
  }

  @Override
  public void close() {
    if (checkpointer != null) checkpointer.close();
    if (readerPool != writerPool) readerPool.close();
    writerPool.close();
  }

  /** The store handed to a transaction's work: every repository uses its one handle. */
  private static final class BoundStore extends RepositoryStore {
    BoundStore(BoundDb db, String describe) {
      super(db, describe);
    }

    /** Nested transactions join this one: all of it lands or none. */
    @Override
    public <T> T inTransaction(Function<Store, T> work) {
      return work.apply(this);
    }

    @Override
    public void close() {
      // the outer store owns the pools; closing a transaction's view is a no-op
    }
  }
}
