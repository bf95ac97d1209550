package io.ztpd.sim.ssh;

import java.util.Objects;

/**
 * What a simulated device is, as its SSH server shows it.
 *
 * @param vendor ztpd vendor profile id: {@code cisco-iosxe}, {@code cisco-pnp}, {@code cisco-nxos},
 *     {@code juniper}, {@code huawei}, {@code arista}, {@code sonic}, {@code cumulus}, {@code
 *     aruba-cx}
 * @param hostname the device's hostname (the prompt shows the part before the first dot)
 * @param serial the chassis serial the device really has
 * @param model hardware model shown by the show commands, may be null (a vendor default then)
 * @param username the one account that may log in (the local account ztpd generated)
 * @param password its password
 */
public record SshPersona(
    String vendor, String hostname, String serial, String model, String username, String password) {
  public SshPersona {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    hostname = hostname == null || hostname.isBlank() ? "switch" : hostname;
  }

  /** The hostname as prompts show it: up to the first dot. */
  public String shortName() {
    int dot = hostname.indexOf('.');
    return dot > 0 ? hostname.substring(0, dot) : hostname;
  }

  @Override
  public String toString() {
    return "SshPersona[" + vendor + " " + hostname + " " + serial + ", user " + username + "]";
  }
}
