package io.ztpd.vendors.arista;

import io.ztpd.core.vendor.CliDialect;
import io.ztpd.vendors.cli.CliText;
import io.ztpd.vendors.cli.ConfigTerminalDialect;
import io.ztpd.vendors.cli.ConfigTerminalDialect.Banner;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Arista EOS over SSH: {@code Serial number:} of {@code show version}; lines apply as typed, every
 * error starts with {@code %}; {@code banner motd} takes text until {@code EOF}; {@code write
 * memory} saves.
 */
public final class EosCli {
  private EosCli() {}

  private static final Pattern SERIAL = Pattern.compile("(?mi)^Serial number:\\s*(\\S+)");

  public static final CliDialect DIALECT =
      new ConfigTerminalDialect(
          List.of("terminal length 0", "terminal width 32767"),
          "show version",
          out -> CliText.group(SERIAL, out.replace("\r", "")),
          List.of("write memory"),
          Pattern.compile("^\\s*% "),
          Banner.EOF_LINE);
}
