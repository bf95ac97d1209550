package io.ztpd.vendors.aruba;

import io.ztpd.core.vendor.CliDialect;
import io.ztpd.vendors.cli.CliText;
import io.ztpd.vendors.cli.ConfigTerminalDialect;
import io.ztpd.vendors.cli.ConfigTerminalDialect.Banner;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Aruba AOS-CX over SSH: {@code Chassis Serial Nbr} of {@code show system}; {@code no page} turns
 * paging off; lines apply as typed; {@code banner motd !} takes text until the delimiter; {@code
 * write memory} saves.
 */
public final class ArubaCxCli {
  private ArubaCxCli() {}

  private static final Pattern SERIAL = Pattern.compile("(?m)^Chassis Serial Nbr\\s*:\\s*(\\S+)");

  public static final CliDialect DIALECT =
      new ConfigTerminalDialect(
          List.of("no page"),
          "show system",
          out -> CliText.group(SERIAL, out.replace("\r", "")),
          List.of("write memory"),
          Pattern.compile(
              "^\\s*(Invalid input|Incomplete command|Ambiguous command|Unknown command|% )"),
          Banner.DELIMITER_WORD);
}
