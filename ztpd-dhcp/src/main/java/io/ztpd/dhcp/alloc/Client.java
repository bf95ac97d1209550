package io.ztpd.dhcp.alloc;

import java.util.Objects;

/**
 * Who asks for an address: keyed by client identifier when it sent one (RFC 2131 §4.2), else by
 * MAC.
 *
 * @param mac normalised MAC
 * @param clientIdHex option 61 as hex, or null
 * @param deviceId inventory device, or null for an unknown device
 * @param hostname hostname to record, or null
 */
public record Client(String mac, String clientIdHex, String deviceId, String hostname) {
  public Client {
    Objects.requireNonNull(mac, "mac");
  }

  public String key() {
    return clientIdHex != null ? "id:" + clientIdHex : "mac:" + mac;
  }
}
