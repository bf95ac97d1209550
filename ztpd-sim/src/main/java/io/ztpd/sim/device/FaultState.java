package io.ztpd.sim.device;

/**
 * The injected faults of one device across its ZTP attempts: a corrupt-once fault is spent by the
 * first checksum check it spoils, a corrupt-always one never is.
 */
public final class FaultState {
  private final DeviceFaults faults;
  private boolean checksumSpent;
  private int corrupted;

  public FaultState(DeviceFaults faults) {
    this.faults = faults;
  }

  public DeviceFaults faults() {
    return faults;
  }

  /** The bytes as the device sees them: corrupted when a checksum fault is due. */
  byte[] corrupt(byte[] data) {
    boolean now = faults.corruptAlways() || (faults.checksumOnce() && !checksumSpent);
    if (!now) return data;
    checksumSpent = true;
    corrupted++;
    byte[] b = data.length == 0 ? new byte[1] : data.clone();
    b[b.length / 2] ^= 0x5a;
    return b;
  }

  /** How many checks were spoiled by injected corruption. */
  public int corrupted() {
    return corrupted;
  }
}
