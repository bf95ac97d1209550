package io.ztpd.core.account;

import io.ztpd.core.store.Credential;
import io.ztpd.core.store.Store;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One generated account per device: a random password, made the first time the device's minimal
 * configuration is rendered, stored encrypted before anything is served with it (a device must
 * never get an account ztpd cannot log in with).
 *
 * <p>New accounts are stored by group commit: in a boot storm thousands of devices ask for their
 * first configuration at once, and one transaction per account, each waiting for the store's single
 * writer, made them queue for seconds behind one lock. Now each device waits only for the batch its
 * account is in; the caller that holds the write lock writes everything queued so far.
 */
public final class LocalAccounts {
  public static final String USERNAME = "ztpadmin";
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Pending(
      String deviceId, LocalAccount account, CompletableFuture<LocalAccount> f) {}

  private final Store store;
  private final SecretBox box;
  private final Map<String, LocalAccount> cache = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<LocalAccount>> making = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Pending> unwritten = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writer = new ReentrantLock();

  public LocalAccounts(Store store, SecretBox box) {
    this.store = store;
    this.box = box;
  }

  /** The device's account, generated and stored on first use. */
  public LocalAccount forDevice(String deviceId) {
    LocalAccount a = cache.get(deviceId);
    if (a != null) return a;
    boolean[] mine = {false};
    CompletableFuture<LocalAccount> f =
        making.computeIfAbsent(
            deviceId,
            id -> {
              mine[0] = true;
              return new CompletableFuture<>();
            });
    if (mine[0]) start(deviceId, f);
    if (!f.isDone()) writeQueued();
    try {
      return f.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** The device's account if one was generated; never makes one. */
  public Optional<LocalAccount> existing(String deviceId) {
    LocalAccount a = cache.get(deviceId);
    if (a != null) return Optional.of(a);
    return store
        .credentials()
        .get(deviceId)
        .map(c -> new LocalAccount(c.username(), box.decrypt(c.passwordEncrypted())));
  }

  /** Queues the device for the next batch (which finds a stored account, or stores a new one). */
  private void start(String deviceId, CompletableFuture<LocalAccount> f) {
    unwritten.add(new Pending(deviceId, new LocalAccount(USERNAME, randomPassword(20)), f));
  }

  /** Writes every queued account in one transaction, unless another caller is doing it. */
  private void writeQueued() {
    writer.lock();
    try {
      List<Pending> batch = new ArrayList<>();
      for (Pending p; (p = unwritten.poll()) != null; ) batch.add(p);
      if (batch.isEmpty()) return;
      List<LocalAccount> accounts = new ArrayList<>(batch.size());
      try {
        Instant now = Instant.now();
        store.inTransaction(
            tx -> {
              // one transaction, one connection: a device's account stored before a restart is
              // read here rather than by one read per device on the store's reader pool
              for (Pending p : batch) {
                Optional<Credential> stored = tx.credentials().get(p.deviceId());
                if (stored.isPresent()) {
                  Credential c = stored.get();
                  accounts.add(new LocalAccount(c.username(), box.decrypt(c.passwordEncrypted())));
                } else {
                  LocalAccount a = p.account();
                  tx.credentials()
                      .put(
                          new Credential(
                              p.deviceId(), a.username(), box.encrypt(a.password()), now));
                  accounts.add(a);
                }
              }
              return null;
            });
      } catch (RuntimeException e) {
        for (Pending p : batch) {
          making.remove(p.deviceId(), p.f());
          p.f().completeExceptionally(e);
        }
        return;
      }
      for (int i = 0; i < batch.size(); i++) {
        done(batch.get(i).deviceId(), batch.get(i).f(), accounts.get(i));
      }
    } finally {
      writer.unlock();
    }
  }

  private void done(String deviceId, CompletableFuture<LocalAccount> f, LocalAccount a) {
    cache.put(deviceId, a);
    f.complete(a);
    making.remove(deviceId, f);
  }

  /** Forgets a cached account (the device was deleted or its account replaced). */
  public void evict(String deviceId) {
    cache.remove(deviceId);
  }

  static String randomPassword(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    return sb.toString();
  }
}
