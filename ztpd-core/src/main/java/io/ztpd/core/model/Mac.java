package io.ztpd.core.model;

import java.util.HexFormat;
import java.util.Locale;

/**
 * MAC address spelling: we store {@code 00:1c:73:aa:bb:cc}; we accept the common vendor spellings.
 */
public final class Mac {
  private Mac() {}

  /**
   * Normalises {@code 001C.73AA.BBCC}, {@code 00-1c-73-aa-bb-cc}, {@code 001c-73aa-bbcc} (Huawei)
   * and {@code 001c73aabbcc} to {@code 00:1c:73:aa:bb:cc}.
   *
   * @throws IllegalArgumentException when the text is not 12 hex digits once separators are removed
   */
  public static String normalize(String text) {
    String hex = text.trim().toLowerCase(Locale.ROOT).replaceAll("[:.\\-\\s]", "");
    if (hex.length() != 12 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException("not a MAC address: '" + text + "'");
    }
    StringBuilder sb = new StringBuilder(17);
    for (int i = 0; i < 12; i += 2) {
      if (i > 0) sb.append(':');
      sb.append(hex, i, i + 2);
    }
    return sb.toString();
  }

  /** Formats the first six bytes of a hardware address. */
  public static String format(byte[] chaddr) {
    return HexFormat.ofDelimiter(":").formatHex(chaddr, 0, 6);
  }

  /** Huawei's spelling {@code xxxx-xxxx-xxxx}. */
  public static String huawei(String mac) {
    String hex = normalize(mac).replace(":", "");
    return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8);
  }

  /** Whether the text is a MAC address in any accepted spelling. */
  public static boolean isMac(String text) {
    try {
      normalize(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
