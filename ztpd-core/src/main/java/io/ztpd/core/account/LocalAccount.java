package io.ztpd.core.account;

/**
 * The local account ztpd writes into a device's minimal configuration and later logs in with.
 *
 * @param username account name
 * @param password clear-text password (kept encrypted at rest)
 */
public record LocalAccount(String username, String password) {
  @Override
  public String toString() {
    return "LocalAccount[" + username + ", ****]";
  }
}
