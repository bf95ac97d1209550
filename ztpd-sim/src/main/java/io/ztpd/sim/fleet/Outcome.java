package io.ztpd.sim.fleet;

import io.ztpd.sim.device.DeviceRun;

/**
 * How one device's provisioning ended.
 *
 * @param device the device and its faults
 * @param done whether it loaded its minimal configuration
 * @param step the failed step (null when done)
 * @param reason why it failed (null when done)
 * @param millis power-on to provisioned (or to giving up)
 * @param leaseMillis power-on to the first DHCPACK (-1 when none came)
 * @param attempts ZTP attempts made
 * @param retries file transfers retried
 * @param corrupted files spoiled by injected faults (checksum mismatches, files rejected)
 * @param finalFailureReported the device reported a failure to a server that keeps such devices
 *     failed until an operator reset (so even a corrupt-once fault ends failed)
 * @param ip the address it leased last (null when DHCP never answered)
 * @param run the last attempt (fetched files when kept), null when DHCP never answered
 */
public record Outcome(
    FleetDevice device,
    boolean done,
    String step,
    String reason,
    long millis,
    long leaseMillis,
    int attempts,
    int retries,
    int corrupted,
    boolean finalFailureReported,
    String ip,
    DeviceRun run) {

  /** Whether the outcome is what the injected faults predict. */
  public boolean expected() {
    boolean shouldFail = corrupted > 0 && (device.faults().corruptAlways() || finalFailureReported);
    return done != shouldFail;
  }

  public String persona() {
    return device.spec().persona();
  }
}
