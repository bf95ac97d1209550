package io.ztpd.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The local account ztpd generated for a device (used to log in and verify its serial).
 *
 * @param deviceId the device (one account per device)
 * @param username the account name
 * @param passwordEncrypted the password, encrypted by the caller; the store never sees it in clear
 * @param created when it was generated
 */
public record Credential(
    String deviceId, String username, String passwordEncrypted, Instant created) {
  public Credential {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(passwordEncrypted, "passwordEncrypted");
    Objects.requireNonNull(created, "created");
  }
}
