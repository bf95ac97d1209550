package io.ztpd.vendors.cisco;

import io.ztpd.core.vendor.CliDialect;
import io.ztpd.vendors.cli.CliText;
import io.ztpd.vendors.cli.ConfigTerminalDialect;
import io.ztpd.vendors.cli.ConfigTerminalDialect.Banner;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cisco IOS-XE (also devices onboarded by PnP) and NX-OS over SSH. The chassis serial is the {@code
 * SN:} of the chassis entry of {@code show inventory} (the UDI serial PnP and Smart Licensing use;
 * {@code Processor board ID} of {@code show version} is a motherboard serial on routers). Lines
 * apply as typed; IOS-XE saves with {@code write memory}, NX-OS with {@code copy running-config
 * startup-config}.
 */
public final class CiscoCli {
  private CiscoCli() {}

  /** IOS-XE's and NX-OS's ways of refusing a line. */
  static final Pattern ERRORS =
      Pattern.compile(
          "^\\s*(% ?(Invalid|Incomplete|Ambiguous|Unrecognized|Unknown|Bad|Error|Not allowed)"
              + "|Command rejected|ERROR: )");

  public static final CliDialect IOS_XE =
      new ConfigTerminalDialect(
          List.of("terminal length 0", "terminal width 511"),
          "show inventory",
          CiscoCli::serial,
          List.of("write memory"),
          ERRORS,
          Banner.DELIMITED);

  public static final CliDialect NX_OS =
      new ConfigTerminalDialect(
          List.of("terminal length 0", "terminal width 511"),
          "show inventory",
          CiscoCli::serial,
          List.of("copy running-config startup-config"),
          ERRORS,
          Banner.DELIMITED);

  /** One {@code NAME: ..., DESCR: ...} / {@code PID: ..., VID: ..., SN: ...} entry. */
  private static final Pattern ENTRY =
      Pattern.compile("(?m)^NAME:\\s*\"([^\"]*)\"[^\\n]*\\n\\s*PID:[^\\n]*?SN:[ \\t]*(\\S*)");

  private static final Pattern SYSTEM_SERIAL =
      Pattern.compile("(?m)^System Serial Number\\s*:\\s*(\\S+)");
  private static final Pattern BOARD_ID = Pattern.compile("(?mi)^\\s*Processor board ID\\s+(\\S+)");

  /**
   * The chassis serial from {@code show inventory} (the entry named like the chassis or stack, else
   * the first with a serial), or from {@code show version} ({@code System Serial Number}, else
   * {@code Processor board ID}).
   */
  static Optional<String> serial(String output) {
    String text = output.replace("\r", "");
    Matcher m = ENTRY.matcher(text);
    String first = null;
    while (m.find()) {
      String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
      String sn = m.group(2);
      if (sn.isBlank() || sn.equalsIgnoreCase("N/A")) continue;
      if (name.contains("chassis") || name.contains("stack")) return Optional.of(sn);
      if (first == null) first = sn;
    }
    if (first != null) return Optional.of(first);
    return CliText.group(SYSTEM_SERIAL, text).or(() -> CliText.group(BOARD_ID, text));
  }
}
