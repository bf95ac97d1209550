package io.ztpd.core.lifecycle;

/** Where a device is in its provisioning, overall. */
public enum Phase {
  PLANNED,
  DISCOVERED,
  ADDRESSED,
  BOOTSTRAPPING,
  CONF_MIN_LOADED,
  VERIFIED,
  FINALIZING,
  PROVISIONED,
  FAILED;

  /** Phases in which a device is still on its way (a give-up timeout or failure report applies). */
  public boolean active() {
    return this != PLANNED && this != PROVISIONED && this != FAILED;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
