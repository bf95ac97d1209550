package io.ztpd.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztpd.core.model.Device;
import io.ztpd.core.testing.InMemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LocalAccountsTest {
  private static Device device(String id) {
    return new Device(
        id, id, null, null, "juniper", null, null, null, null, null, null, null, null, null, null,
        Map.of());
  }

  @Test
  void aStormOfFirstRendersGetsOneStoredAccountPerDevice() throws Exception {
    InMemoryStore store = new InMemoryStore();
    for (int i = 0; i < 50; i++) store.devices().put(device("d" + i));
    SecretBox box = SecretBox.ephemeral();
    LocalAccounts accounts = new LocalAccounts(store, box);
    Map<String, String> seen = new ConcurrentHashMap<>();
    List<Future<?>> all = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < 400; t++) {
        String id = "d" + (t % 50);
        all.add(
            pool.submit(
                () -> {
                  LocalAccount a = accounts.forDevice(id);
                  String before = seen.putIfAbsent(id, a.password());
                  assertThat(before == null || before.equals(a.password()))
                      .as("one password for " + id)
                      .isTrue();
                }));
      }
      for (Future<?> f : all) f.get();
    }
    assertThat(seen).hasSize(50);
    for (var e : seen.entrySet()) {
      var stored = store.credentials().get(e.getKey()).orElseThrow();
      assertThat(box.decrypt(stored.passwordEncrypted())).isEqualTo(e.getValue());
    }
    // after a restart the stored account is the one served
    LocalAccounts again = new LocalAccounts(store, box);
    assertThat(again.forDevice("d7").password()).isEqualTo(seen.get("d7"));
  }

  @Test
  void aFailedWriteServesNoAccountAndTheNextCallTriesAgain() {
    InMemoryStore store = new InMemoryStore();
    store.devices().put(device("d1"));
    LocalAccounts accounts = new LocalAccounts(store, SecretBox.ephemeral());
    store.failNextWrites(1);
    assertThatThrownBy(() -> accounts.forDevice("d1")).hasMessageContaining("simulated");
    assertThat(store.credentials().get("d1")).isEmpty();
    LocalAccount a = accounts.forDevice("d1");
    assertThat(store.credentials().get("d1")).isPresent();
    assertThat(accounts.forDevice("d1")).isEqualTo(a);
  }
}
