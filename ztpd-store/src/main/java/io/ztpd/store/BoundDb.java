package io.ztpd.store;

import io.ztpd.core.store.StoreException;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/** The one handle of a transaction; unusable once the transaction is over. */
final class BoundDb implements Db {
  private final Handle handle;
  private final Dialect dialect;
  private final Columns columns;
  private final EventIndexer eventIndexer;
  private final String describe;
  private volatile boolean open = true;

  BoundDb(
      Handle handle, Dialect dialect, Columns columns, EventIndexer eventIndexer, String describe) {
    this.handle = handle;
    this.eventIndexer = eventIndexer;
    this.dialect = dialect;
    this.columns = columns;
    this.describe = describe;
  }

  @Override
  public <T> T read(Function<Handle, T> work) {
    return use(work);
  }

  @Override
  public <T> T write(Function<Handle, T> work) {
    return use(work);
  }

  private <T> T use(Function<Handle, T> work) {
    if (!open) {
      throw new StoreException(
          "store " + describe + ": the transaction this store was bound to is over");
    }
    return PooledDb.translate(describe, () -> work.apply(handle));
  }

  void end() {
    open = false;
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
}
