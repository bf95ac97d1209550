package io.ztpd.sim.device;

import java.util.ArrayList;
import java.util.List;

/**
 * Faults injected into one device.
 *
 * @param checksumOnce the first checksummed file arrives corrupted once (in the flows without
 *     checksums: the device rejects its file once): the device retries
 * @param corruptAlways every checksummed file arrives corrupted (or is rejected): the device gives
 *     up (an expected failure)
 * @param stalls transfers that stall and time out before one succeeds
 * @param loss datagram loss rate on the device's link (DHCP and TFTP)
 * @param wrongSerial the device's SSH server answers with another serial
 * @param badCredentials the device's SSH server refuses the delivered account
 * @param pushFails the device's SSH server fails a configuration push half-way
 * @param unreachable no SSH server at all
 */
public record DeviceFaults(
    boolean checksumOnce,
    boolean corruptAlways,
    int stalls,
    double loss,
    boolean wrongSerial,
    boolean badCredentials,
    boolean pushFails,
    boolean unreachable) {

  public static final DeviceFaults NONE =
      new DeviceFaults(false, false, 0, 0, false, false, false, false);

  /** Whether the device is meant to end failed. */
  public boolean expectFailure() {
    return corruptAlways;
  }

  public boolean any() {
    return !equals(NONE);
  }

  /** Short names of the faults, for the simulator's output. */
  public List<String> names() {
    List<String> n = new ArrayList<>();
    if (checksumOnce) n.add("checksum");
    if (corruptAlways) n.add("corrupt");
    if (stalls > 0) n.add("timeout");
    if (loss > 0) n.add("loss");
    if (wrongSerial) n.add("wrong-serial");
    if (badCredentials) n.add("bad-credentials");
    if (pushFails) n.add("push-fail");
    if (unreachable) n.add("unreachable");
    return n;
  }
}
