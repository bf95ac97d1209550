package io.ztpd.vendors.cumulus;

import io.ztpd.core.vendor.CliDialect;
import io.ztpd.vendors.cli.CliText;
import io.ztpd.vendors.cli.OnieEeprom;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cumulus Linux 5 (NVUE) over SSH. The serial is the ONIE EEPROM's {@code Serial Number} TLV from
 * {@code sudo decode-syseeprom} (sudo asks for the account's password). {@code nv set} lines go to
 * a pending revision applied by {@code nv config apply -y}: a rejected line means nothing was
 * applied ({@code nv config detach}). Script scaffolding in templates ({@code #!}, {@code set -e},
 * {@code exit}, the template's own {@code nv config apply}) is not sent.
 */
public final class CumulusCli implements CliDialect {
  public static final CumulusCli DIALECT = new CumulusCli();

  private static final Pattern PROMPT = Pattern.compile("\\S+@\\S+:\\S*[$#] ?");
  private static final Pattern ERRORS =
      Pattern.compile("(^\\s*Error:|command not found|incorrect password)");

  private CumulusCli() {}

  @Override
  public Pattern prompt() {
    return PROMPT;
  }

  @Override
  public List<String> sessionSetup() {
    return List.of();
  }

  @Override
  public String serialCommand() {
    return "sudo decode-syseeprom";
  }

  @Override
  public Optional<String> parseSerial(String output) {
    return OnieEeprom.serial(output.replace("\r", ""));
  }

  @Override
  public Optional<String> error(String response) {
    return CliText.errorLine(ERRORS, response);
  }

  @Override
  public PushPlan pushPlan(String config) {
    List<Unit> units =
        CliText.scriptCommands(config).stream()
            .filter(l -> !l.startsWith("nv config apply") && !l.equals("nv config save"))
            .map(Unit::line)
            .toList();
    return new PushPlan(
        List.of(),
        units,
        List.of("nv config apply -y", "nv config save"),
        List.of("nv config detach"),
        true);
  }
}
