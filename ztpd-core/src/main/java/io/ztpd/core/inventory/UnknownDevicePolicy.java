package io.ztpd.core.inventory;

/** What to do with a device that is not in the inventory (config key {@code unknown_devices}). */
public enum UnknownDevicePolicy {
  /** Queue it for an operator (adopt / reject); DHCP gives it an address from the pool. */
  HOLD,
  /** Do not answer it at all. */
  IGNORE,
  /** Adopt it at once when an auto-adopt rule matches, else hold it. */
  AUTO_ADOPT
}
