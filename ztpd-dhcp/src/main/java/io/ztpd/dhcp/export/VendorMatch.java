package io.ztpd.dhcp.export;

import java.util.Map;

/**
 * How another DHCP server recognises a vendor's ZTP client: the same signals the profiles' {@code
 * classify} reads, reduced to a prefix of one option.
 *
 * @param option 60 (vendor class), 61 (client id) or 77 (user class)
 * @param prefix the value's start (option 77: a substring)
 */
record VendorMatch(int option, String prefix) {
  static final Map<String, VendorMatch> BY_PROFILE =
      Map.of(
          "juniper", new VendorMatch(60, "Juniper-"),
          "arista", new VendorMatch(60, "Arista"),
          "cisco-pnp", new VendorMatch(60, "ciscopnp"),
          "cisco-nxos", new VendorMatch(77, "Cisco-POAP"),
          "cisco-iosxe", new VendorMatch(61, "cisco-"),
          "huawei", new VendorMatch(60, "HUAWEI"),
          "sonic", new VendorMatch(61, "SONiC##"),
          "cumulus", new VendorMatch(60, "cumulus"),
          "aruba-cx", new VendorMatch(60, "Aruba"));
}
