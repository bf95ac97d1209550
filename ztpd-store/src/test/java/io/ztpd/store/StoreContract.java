package io.ztpd.store;

import io.ztpd.core.model.Device;
import io.ztpd.core.store.Store;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;

/**
 * Base of the contract suite: each concrete test class is a {@code @ParameterizedClass} over {@link
 * TestDatabase}, so every test runs on SQLite and on PostgreSQL.
 */
abstract class StoreContract {
  @Parameter TestDatabase database;

  StoreFixture fixture;
  Store store;

  @BeforeEach
  void openStore() {
    fixture = database.create();
    store = fixture.open();
  }

  @AfterEach
  void closeStore() {
    if (store != null) store.close();
    if (fixture != null) fixture.close();
  }

  /** Closes the store and opens the same database again (as a restart would). */
  Store reopen() {
    store.close();
    store = fixture.open();
    return store;
  }

  static Device device(String id, String hostname, String serial, String mac) {
    return new Device(
        id,
        hostname,
        serial,
        mac,
        "juniper",
        "ex4300",
        null,
        null,
        null,
        "dc1",
        "leaf",
        "min.j2",
        null,
        null,
        null,
        Map.of("role", "leaf"));
  }
}
