package io.ztpd.core.lease;

import java.time.Instant;

/**
 * An address held by a device, from the built-in DHCP server or reported by an external one.
 *
 * @param ip the address
 * @param mac normalised MAC of the holder
 * @param clientId option 61 as hex, may be null
 * @param deviceId inventory device, null for an unknown device
 * @param site site name
 * @param hostname hostname given, may be null
 * @param start when it was granted (or last renewed)
 * @param expires when it runs out
 * @param state its state
 */
public record Lease(
    String ip,
    String mac,
    String clientId,
    String deviceId,
    String site,
    String hostname,
    Instant start,
    Instant expires,
    State state) {
  public enum State {
    OFFERED,
    ACTIVE,
    RELEASED,
    EXPIRED,
    DECLINED
  }

  public boolean activeAt(Instant t) {
    return state == State.ACTIVE && expires.isAfter(t);
  }
}
