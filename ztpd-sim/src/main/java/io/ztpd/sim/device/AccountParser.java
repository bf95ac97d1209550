package io.ztpd.sim.device;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the local account out of a configuration the way each vendor's CLI would define it. Every
 * minimal-config template carries {@code {{ account.username }}} / {@code {{ account.password }}}
 * in its vendor's syntax; the device needs them to let the serial check and the final push in.
 */
public final class AccountParser {
  private AccountParser() {}

  private static final int M = Pattern.MULTILINE;

  private static final Pattern JUNOS_USER = Pattern.compile("^\\s*user\\s+(\\S+)\\s*\\{", M);
  private static final Pattern JUNOS_PASSWORD =
      Pattern.compile("plain-text-password-value\\s+\"([^\"]*)\"");
  private static final Pattern JUNOS_SET =
      Pattern.compile(
          "^set system login user (\\S+) authentication plain-text-password-value \"?([^\"\\s]+)\"?",
          M);

  /** A Linux user's password set by {@code echo 'user:password' | chpasswd} (SONiC, Cumulus). */
  private static final Pattern CHPASSWD =
      Pattern.compile("echo\\s+'([^':\\s]+):([^']*)'\\s*\\|\\s*(?:sudo\\s+)?chpasswd");

  /** Patterns whose groups 1 and 2 are user and password, by vendor syntax. */
  private static final Map<String, List<Pattern>> BY_VENDOR =
      Map.of(
          "cisco-iosxe",
          List.of(
              Pattern.compile(
                  "^\\s*username\\s+(\\S+)(?:\\s+privilege\\s+\\d+)?\\s+(?:secret|password)\\s+(?:0\\s+)?(\\S+)",
                  M)),
          "cisco-nxos",
          List.of(Pattern.compile("^\\s*username\\s+(\\S+)\\s+password\\s+(?:0\\s+)?(\\S+)", M)),
          "arista",
          List.of(
              Pattern.compile(
                  "^\\s*username\\s+(\\S+)(?:\\s+privilege\\s+\\d+)?(?:\\s+role\\s+\\S+)?\\s+secret\\s+(?:0\\s+)?(\\S+)",
                  M)),
          "huawei",
          List.of(
              Pattern.compile(
                  "local-user\\s+(\\S+)\\s+password\\s+(?:irreversible-cipher|cipher|simple)\\s+(\\S+)")),
          "cumulus",
          List.of(
              Pattern.compile("nv set system aaa user (\\S+) password '([^']*)'"),
              Pattern.compile("nv set system aaa user (\\S+) password \"([^\"]*)\""),
              CHPASSWD),
          "sonic",
          List.of(CHPASSWD),
          "aruba-cx",
          List.of(
              Pattern.compile(
                  "^\\s*user\\s+(\\S+)\\s+group\\s+\\S+\\s+password\\s+(?:plaintext|ciphertext)\\s+(\\S+)",
                  M)));

  /**
   * The account in {@code text}, read with the vendor's syntax ({@code juniper}, {@code
   * cisco-iosxe} ...), or empty when the text defines none.
   */
  public static Optional<Account> parse(String vendor, String text) {
    if (text == null) return Optional.empty();
    if (vendor.equals("juniper")) return junos(text);
    for (Pattern p : BY_VENDOR.getOrDefault(vendor, List.of())) {
      Matcher m = p.matcher(text);
      if (m.find()) return Optional.of(new Account(m.group(1), unquote(m.group(2))));
    }
    return Optional.empty();
  }

  /** Junos: the first {@code user X { ... plain-text-password-value "P" } }, or set-style. */
  private static Optional<Account> junos(String text) {
    Matcher set = JUNOS_SET.matcher(text);
    if (set.find()) return Optional.of(new Account(set.group(1), set.group(2)));
    Matcher u = JUNOS_USER.matcher(text);
    if (!u.find()) return Optional.empty();
    Matcher p = JUNOS_PASSWORD.matcher(text);
    if (!p.find(u.end())) return Optional.empty();
    return Optional.of(new Account(u.group(1), p.group(1)));
  }

  private static final List<Pattern> HOSTNAME =
      List.of(
          Pattern.compile("^\\s*host-name\\s+([^;\\s]+);", M), // Junos
          Pattern.compile("^set system host-name (\\S+)", M),
          Pattern.compile("^\\s*hostname\\s+(\\S+)", M), // IOS, NX-OS, EOS, AOS-CX
          Pattern.compile("^\\s*sysname\\s+(\\S+)", M), // VRP
          Pattern.compile("nv set system hostname (\\S+)"), // Cumulus NVUE
          Pattern.compile("\"hostname\"\\s*:\\s*\"([^\"]+)\"")); // SONiC config_db

  /** The hostname a configuration sets, in any of the vendors' syntaxes, or null. */
  public static String hostname(String text) {
    if (text == null) return null;
    for (Pattern p : HOSTNAME) {
      Matcher m = p.matcher(text);
      if (m.find()) return m.group(1);
    }
    return null;
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
