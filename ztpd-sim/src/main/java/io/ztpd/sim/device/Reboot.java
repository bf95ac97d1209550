package io.ztpd.sim.device;

/**
 * The device reboots (into a new image) and starts ZTP again from DHCP. Not a failure: the attempt
 * is not counted.
 */
public final class Reboot extends Exception {
  public Reboot(String why) {
    super(why, null, false, false);
  }
}
