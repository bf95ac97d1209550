package io.ztpd.store;

import io.ztpd.core.store.Store;

/** A fresh, empty database for one test; {@link #url} opens it (again). */
interface StoreFixture extends AutoCloseable {
  String url();

  default Store open() {
    return Stores.open(url());
  }

  @Override
  void close();
}
