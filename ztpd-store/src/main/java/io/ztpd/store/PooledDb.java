package io.ztpd.store;

import io.ztpd.core.store.StoreException;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Handles from the pools. A write outside any transaction is its own transaction; a call made on
 * the thread that is inside {@link JdbiStore#inTransaction} joins that transaction (so code that
 * holds the outer store still lands in the same all-or-nothing unit, and the single SQLite writer
 * connection is never asked for twice by one thread).
 */
final class PooledDb implements Db {
  private final Jdbi writer;
  private final Jdbi reader;
  private final Dialect dialect;
  private final String describe;
  private final Columns columns = new Columns();
  private final ThreadLocal<Handle> joined = new ThreadLocal<>();
  private final EventIndexer eventIndexer;

  PooledDb(Jdbi writer, Jdbi reader, Dialect dialect, String describe) {
    this.writer = writer;
    this.reader = reader;
    this.dialect = dialect;
    this.describe = describe;
    this.eventIndexer = dialect.deferredEventIndex() ? new EventIndexer() : null;
  }

  @Override
  public <T> T read(Function<Handle, T> work) {
    Handle h = joined.get();
    if (h != null) return work.apply(h);
    return translate(describe, () -> reader.withHandle(work::apply));
  }

  @Override
  public <T> T write(Function<Handle, T> work) {
    Handle h = joined.get();
    if (h != null) return work.apply(h);
    return translate(
        describe,
        () ->
            writer.inTransaction(
                tx -> {
                  joined.set(tx);
                  try {
                    return work.apply(tx);
                  } finally {
                    joined.remove();
                  }
                }));
  }

  @Override
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public Columns columns() {
    return columns;
  }

  @Override
  public EventIndexer eventIndexer() {
    return eventIndexer;
  }

  /** Jdbi's exceptions become a {@link StoreException} naming the store; others pass unchanged. */
  static <T> T translate(String describe, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (JdbiException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String why = cause.getMessage() != null ? cause.getMessage() : cause.toString();
      throw new StoreException("store " + describe + ": " + StoreUrl.redact(why), e);
    }
  }
}
