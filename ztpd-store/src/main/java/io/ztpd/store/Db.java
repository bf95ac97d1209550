package io.ztpd.store;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Where a repository gets its database handle: the transaction it is bound to, or a pool.
 * Repositories say only whether they read or write; {@link #write} runs in a transaction.
 */
interface Db {
  <T> T read(Function<Handle, T> work);

  <T> T write(Function<Handle, T> work);

  Dialect dialect();

  Columns columns();

  /** SQLite's background index of events by device; null on PostgreSQL. */
  EventIndexer eventIndexer();
}
