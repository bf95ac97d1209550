package io.ztpd.core.account;

import io.ztpd.core.store.Credential;
import io.ztpd.core.store.Store;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One generated account per device: a random password, made the first time the device's minimal
 * configuration is rendered, stored encrypted before anything is served with it (a device must
 * never get an account ztpd cannot log in with).
 */
public final class LocalAccounts {
  public static final String USERNAME = "ztpadmin";
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;
  private final SecretBox box;
  private final Map<String, LocalAccount> cache = new ConcurrentHashMap<>();

  public LocalAccounts(Store store, SecretBox box) {
    this.store = store;
    this.box = box;
  }

  /** The device's account, generated and stored on first use. */
  public LocalAccount forDevice(String deviceId) {
    LocalAccount a = cache.get(deviceId);
    if (a != null) return a;
    synchronized (this) {
      a = cache.get(deviceId);
      if (a != null) return a;
      a =
          store
              .credentials()
              .get(deviceId)
              .map(c -> new LocalAccount(c.username(), box.decrypt(c.passwordEncrypted())))
              .orElseGet(() -> create(deviceId));
      cache.put(deviceId, a);
      return a;
    }
  }

  /** The device's account if one was generated; never makes one. */
  public java.util.Optional<LocalAccount> existing(String deviceId) {
    LocalAccount a = cache.get(deviceId);
    if (a != null) return java.util.Optional.of(a);
    return store
        .credentials()
        .get(deviceId)
        .map(c -> new LocalAccount(c.username(), box.decrypt(c.passwordEncrypted())));
  }

  private LocalAccount create(String deviceId) {
    LocalAccount a = new LocalAccount(USERNAME, randomPassword(20));
    store
        .credentials()
        .put(new Credential(deviceId, a.username(), box.encrypt(a.password()), Instant.now()));
    return a;
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
