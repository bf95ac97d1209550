package io.ztpd.core.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The "device already runs this version → skip the image" rule, as a pure function. */
public final class UpgradeRule {
  private UpgradeRule() {}

  /**
   * Whether a device reporting {@code reportedVersion} should install {@code image}.
   *
   * <p>Only a version known to be the same skips: an unknown reported version or an image without a
   * version always upgrades (installing twice is safer than never). Versions compare by tokens:
   * letters case-insensitive, numbers by value, any punctuation as separator — so {@code 17.9.4a}
   * equals {@code 17.09.04a}, {@code 9.3(8)} equals {@code 9.3.8}, and {@code v21.4R3.15} equals
   * {@code 21.4R3.15}.
   */
  public static boolean needsUpgrade(Image image, String reportedVersion) {
    if (image.version() == null || image.version().isBlank()) {
      return true;
    }
    if (reportedVersion == null || reportedVersion.isBlank()) {
      return true;
    }
    return !tokens(image.version()).equals(tokens(reportedVersion));
  }

  /**
   * Splits a version into comparable tokens (numbers without leading zeros, letters lower case).
   */
  static List<String> tokens(String version) {
    String v = version.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("version ")) {
      v = v.substring("version ".length()).trim();
    }
    if (v.length() > 1 && v.charAt(0) == 'v' && Character.isDigit(v.charAt(1))) {
      v = v.substring(1);
    }
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int kind = 0; // 0 none, 1 digits, 2 letters
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      int k = Character.isDigit(c) ? 1 : Character.isLetter(c) ? 2 : 0;
      if (k != kind && !current.isEmpty()) {
        out.add(normalise(current.toString(), kind));
        current.setLength(0);
      }
      if (k != 0) {
        current.append(c);
      }
      kind = k;
    }
    if (!current.isEmpty()) {
      out.add(normalise(current.toString(), kind));
    }
    return out;
  }

  private static String normalise(String token, int kind) {
    if (kind != 1) {
      return token;
    }
    String stripped = token.replaceFirst("^0+(?=\\d)", "");
    return stripped;
  }
}
