package io.ztpd.vendors.cisco.pnp;

import java.util.Locale;

/**
 * A Cisco Unique Device Identifier, {@code PID:<product id>,VID:<hardware version>,SN:<serial>}:
 * the key of every PnP message. The serial and product id become the device's identity.
 *
 * @param pid product id (the model, e.g. {@code C9300-24P} or {@code ISR4451-X/K9})
 * @param vid hardware version id, may be empty
 * @param sn serial number
 */
public record Udi(String pid, String vid, String sn) {

  /**
   * Parses {@code PID:...,VID:...,SN:...} (fields in any order, spaces around them ignored).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Udi parse(String text) {
    if (text == null || text.isBlank()) throw new IllegalArgumentException("UDI is empty");
    String pid = null;
    String vid = "";
    String sn = null;
    for (String field : text.split(",")) {
      int colon = field.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            "UDI field '" + field.trim() + "' is not KEY:value (UDI '" + text + "')");
      }
      String key = field.substring(0, colon).trim().toUpperCase(Locale.ROOT);
      String value = field.substring(colon + 1).trim();
      switch (key) {
        case "PID" -> pid = value;
        case "VID" -> vid = value;
        case "SN" -> sn = value;
        default -> {
          // unknown fields are tolerated: newer agents may add some
        }
      }
    }
    if (sn == null || sn.isEmpty()) {
      throw new IllegalArgumentException("UDI '" + text + "' has no SN (serial number)");
    }
    if (pid == null || pid.isEmpty()) {
      throw new IllegalArgumentException("UDI '" + text + "' has no PID (product id)");
    }
    return new Udi(pid, vid, sn);
  }

  @Override
  public String toString() {
    return "PID:" + pid + ",VID:" + vid + ",SN:" + sn;
  }
}
