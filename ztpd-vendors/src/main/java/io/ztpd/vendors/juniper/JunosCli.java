package io.ztpd.vendors.juniper;

import io.ztpd.core.vendor.CliDialect;
import io.ztpd.vendors.cli.CliText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Junos over SSH. The serial is the {@code Chassis} row of {@code show chassis hardware}. Changes
 * go to a private candidate and take effect at {@code commit}: a rejected line means nothing was
 * applied (the candidate is rolled back), so a Junos push is never partial. Set-style templates are
 * sent line by line; curly-brace ones through {@code load merge terminal}.
 */
public final class JunosCli implements CliDialect {
  public static final JunosCli DIALECT = new JunosCli();

  private static final Pattern PROMPT = Pattern.compile("(\\S+@)?[\\w.\\-]+[>#] ?");
  private static final Pattern CHASSIS = Pattern.compile("(?m)^Chassis\\s+(\\S+)");
  private static final Pattern ERRORS =
      Pattern.compile(
          "(?i)(syntax error|unknown command|^\\s*error:|\\(\\d+ errors?\\)|missing argument"
              + "|invalid value|is not valid)");
  private static final Pattern SET_STYLE =
      Pattern.compile("(set|delete|activate|deactivate|rename|insert|annotate)\\s.*");

  private JunosCli() {}

  @Override
  public Pattern prompt() {
    return PROMPT;
  }

  @Override
  public List<String> sessionSetup() {
    return List.of("set cli screen-length 0", "set cli screen-width 0");
  }

  @Override
  public String serialCommand() {
    return "show chassis hardware";
  }

  @Override
  public Optional<String> parseSerial(String output) {
    return CliText.group(CHASSIS, output.replace("\r", ""));
  }

  @Override
  public Optional<String> error(String response) {
    return CliText.errorLine(ERRORS, response);
  }

  @Override
  public PushPlan pushPlan(String config) {
    List<String> lines = CliText.lines(config);
    List<String> statements = lines.stream().filter(l -> !CliText.isComment(l, "#")).toList();
    List<Unit> units = new ArrayList<>();
    if (!statements.isEmpty()
        && statements.stream().allMatch(l -> SET_STYLE.matcher(l.strip()).matches())) {
      statements.forEach(l -> units.add(Unit.line(l.strip())));
    } else {
      List<String> block = new ArrayList<>();
      block.add("load merge terminal");
      block.addAll(lines);
      block.add("\u0004");
      units.add(new Unit(block, statements.size()));
    }
    return new PushPlan(
        List.of("configure private"),
        units,
        List.of("commit and-quit"),
        List.of("rollback 0", "exit configuration-mode"),
        true);
  }
}
