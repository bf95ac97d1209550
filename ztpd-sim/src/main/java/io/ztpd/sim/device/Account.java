package io.ztpd.sim.device;

/** The local account a device learned from its minimal configuration. */
public record Account(String username, String password) {
  @Override
  public String toString() {
    return "Account[" + username + "]"; // the password stays out of logs
  }
}
