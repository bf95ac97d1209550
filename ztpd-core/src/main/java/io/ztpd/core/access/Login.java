package io.ztpd.core.access;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom to log in to a device.
 *
 * @param host the device's address
 * @param port its SSH port
 * @param username the generated local account
 * @param password its password (never printed)
 * @param timeout limit for connecting, logging in and each command's answer
 */
public record Login(String host, int port, String username, String password, Duration timeout) {
  public Login {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public String toString() {
    return username + "@" + host + ":" + port;
  }
}
