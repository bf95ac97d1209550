package io.ztpd.vendors.huawei;

import io.ztpd.core.vendor.CliDialect;
import io.ztpd.vendors.cli.CliText;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Huawei VRP over SSH. The serial is the ESN: {@code display esn} prints {@code ESN of slot 1:
 * 2102351931P0C3000154} ({@code ESN of master:} on older releases); the first row of {@code display
 * device manufacture-info} is read too. Lines apply as typed in the system view ({@code #}
 * separators and {@code return} in templates are not sent); {@code save} is confirmed.
 */
public final class VrpCli implements CliDialect {
  public static final VrpCli DIALECT = new VrpCli();

  private static final Pattern PROMPT = Pattern.compile("(<[^<>\\s]+>|\\[[~*]?[^\\[\\]\\s]+\\])");
  private static final Pattern ESN = Pattern.compile("(?m)^\\s*ESN of [^:]+:\\s*(\\S+)");
  private static final Pattern MANUFACTURE_ROW =
      Pattern.compile("(?m)^\\S+\\s+\\S+\\s+(\\w{10,})\\s+\\d{4}-\\d{2}-\\d{2}\\s*$");
  private static final Pattern ERRORS = Pattern.compile("^\\s*Error:");

  private VrpCli() {}

  @Override
  public Pattern prompt() {
    return PROMPT;
  }

  @Override
  public List<String> sessionSetup() {
    return List.of("screen-length 0 temporary");
  }

  @Override
  public String serialCommand() {
    return "display esn";
  }

  @Override
  public Optional<String> parseSerial(String output) {
    String text = output.replace("\r", "");
    return CliText.group(ESN, text)
        .or(
            () ->
                text.contains("Serial-number")
                    ? CliText.group(MANUFACTURE_ROW, text)
                    : Optional.empty());
  }

  @Override
  public Optional<String> error(String response) {
    return CliText.errorLine(ERRORS, response);
  }

  @Override
  public PushPlan pushPlan(String config) {
    List<Unit> units =
        CliText.lines(config).stream()
            .filter(l -> !CliText.isComment(l, "#") && !l.strip().equals("return"))
            .map(Unit::line)
            .toList();
    return new PushPlan(
        List.of("system-view"), units, List.of("return", "save"), List.of("return"), false);
  }
}
