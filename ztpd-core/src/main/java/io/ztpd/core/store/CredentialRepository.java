package io.ztpd.core.store;

import java.util.Optional;

/**
 * Generated local accounts. A credential belongs to an inventory device and goes when it is
 * deleted.
 */
public interface CredentialRepository {
  Optional<Credential> get(String deviceId);

  /**
   * Inserts or replaces the device's account.
   *
   * @throws StoreException when the device is not in the inventory
   */
  void put(Credential credential);

  boolean delete(String deviceId);
}
