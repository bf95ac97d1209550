package io.ztpd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.store.Store;
import io.ztpd.core.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class TransactionContractTest extends StoreContract {

  @Test
  void allWritesOfATransactionLandTogether() {
    List<Event> stored =
        store.inTransaction(
            tx -> {
              tx.devices().put(device("sw1", "sw1", "S1", null));
              tx.devices().put(device("sw2", "sw2", "S2", null));
              assertThat(tx.devices().count()).isEqualTo(2); // sees its own writes
              tx.statuses().putAll(List.of(DeviceStatus.planned("sw1", Instant.EPOCH)));
              return tx.events()
                  .append(List.of(Event.of("sw1", EventKind.DEVICE_CREATED, "api", "import")));
            });
    assertThat(stored.getFirst().seq()).isEqualTo(1);
    assertThat(store.devices().count()).isEqualTo(2);
    assertThat(store.statuses().get("sw1")).isPresent();
  }

  @Test
  void aFailureRollsBackEverythingNothingHalfImported() {
    store.devices().put(device("keep", "keep", "K", null));
    RuntimeException boom = new IllegalArgumentException("inventory.csv line 3: bad MAC");
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.devices().put(device("sw1", "sw1", "S1", null));
                      tx.devices().delete("keep");
                      tx.events()
                          .append(List.of(Event.of("sw1", EventKind.DEVICE_CREATED, "api", "x")));
                      tx.statuses().putAll(List.of(DeviceStatus.planned("sw1", Instant.EPOCH)));
                      throw boom;
                    }))
        .isSameAs(boom);

    assertThat(store.devices().all()).extracting(d -> d.id()).containsExactly("keep");
    assertThat(store.events().count()).isZero();
    assertThat(store.statuses().all()).isEmpty();
  }

  @Test
  void nestedTransactionsAndTheOuterStoreOnTheSameThreadJoinIt() {
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.inTransaction(
                          inner -> {
                            inner.devices().put(device("nested", "n", "N", null));
                            return null;
                          });
                      // code that only holds the outer store joins the same transaction
                      store.devices().put(device("outer", "o", "O", null));
                      store.inTransaction(
                          again -> {
                            again.devices().put(device("again", "a", "A", null));
                            return null;
                          });
                      assertThat(store.devices().count()).isEqualTo(3);
                      throw new IllegalStateException("undo all three");
                    }))
        .hasMessage("undo all three");
    assertThat(store.devices().count()).isZero();
  }

  @Test
  void aFailedStatementInsideTheTransactionRollsBackEarlierWrites() {
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.devices().put(device("sw1", "sw1", "S1", null));
                      tx.credentials()
                          .put(new io.ztpd.core.store.Credential("ghost", "u", "p", Instant.EPOCH));
                      return null;
                    }))
        .isInstanceOf(StoreException.class);
    assertThat(store.devices().count()).isZero();
  }

  @Test
  void aTransactionsStoreCannotBeUsedAfterItEnds() {
    AtomicReference<Store> leaked = new AtomicReference<>();
    store.inTransaction(
        tx -> {
          leaked.set(tx);
          return null;
        });
    assertThatThrownBy(() -> leaked.get().devices().count())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("transaction")
        .hasMessageContaining("is over");
  }
}
