package io.ztpd.sim.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version comparison as ztpd's generated scripts make it ({@code version_tokens}: {@code 17.09.04a}
 * equals {@code 17.9.4a}, {@code 9.3(8)} equals {@code 9.3.8}), and the version an image file name
 * shows (the simulator's images carry no header to read it from).
 */
public final class Versions {
  private static final Pattern TOKEN = Pattern.compile("\\d+|[a-z]+");
  private static final Pattern IN_NAME = Pattern.compile("(\\d+(?:[.(]\\d+\\)?)+[a-zA-Z]?\\d*)");

  private Versions() {}

  static List<String> tokens(String version) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(version.toLowerCase(Locale.ROOT).replace("version ", ""));
    while (m.find()) {
      String t = m.group();
      if (Character.isDigit(t.charAt(0))) {
        String s = t.replaceFirst("^0+", "");
        out.add(s.isEmpty() ? "0" : s);
      } else {
        out.add(t);
      }
    }
    return out;
  }

  /** Whether two version strings name the same release. */
  public static boolean same(String a, String b) {
    if (a == null || b == null) return false;
    return tokens(a).equals(tokens(b));
  }

  /** Whether the device runs {@code version} now. */
  public static boolean sameAsRunning(DeviceRun run, String version) {
    return same(run.version(), version);
  }

  /**
   * The version in an image file name ({@code cat9k_iosxe.17.09.04a.SPA.bin} → 17.09.04a), or null.
   */
  public static String inName(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    Matcher m = IN_NAME.matcher(base);
    return m.find() ? m.group(1) : null;
  }
}
