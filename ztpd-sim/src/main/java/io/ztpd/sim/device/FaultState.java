package io.ztpd.sim.device;

/**
 * The injected faults of one device across its ZTP attempts: a corrupt-once fault is spent by the
 * first file it spoils (a checksum check, or a file the device rejects in the flows without
 * checksums), a corrupt-always one never is.
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
    if (!spoils()) return data;
    byte[] b = data.length == 0 ? new byte[1] : data.clone();
    b[b.length / 2] ^= 0x5a;
    return b;
  }

  /** Whether the file at hand is spoiled: always, or once. */
  boolean spoils() {
    boolean now = faults.corruptAlways() || (faults.checksumOnce() && !checksumSpent);
    if (now) {
      checksumSpent = true;
      corrupted++;
    }
    return now;
  }

  /** How many files were spoiled by injected faults (checksum mismatches, files rejected). */
  public int corrupted() {
    return corrupted;
  }
}
