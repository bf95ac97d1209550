package io.ztpd.vendors.cli;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ONIE system EEPROM as {@code decode-syseeprom} (Cumulus, SONiC) and {@code show platform
 * syseeprom} (SONiC) print it: a TLV table whose {@code Serial Number} row has code 0x23.
 */
public final class OnieEeprom {
  private static final Pattern SERIAL_TLV =
      Pattern.compile("(?m)^\\s*Serial Number\\s+0x23\\s+\\d+\\s+(\\S+)\\s*$");

  private OnieEeprom() {}

  public static Optional<String> serial(String output) {
    return CliText.group(SERIAL_TLV, output);
  }
}
