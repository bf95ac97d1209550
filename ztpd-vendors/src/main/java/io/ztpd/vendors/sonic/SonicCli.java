package io.ztpd.vendors.sonic;

import io.ztpd.core.vendor.CliDialect;
import io.ztpd.vendors.cli.CliText;
import io.ztpd.vendors.cli.OnieEeprom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SONiC over SSH (a bash login). The serial is the ONIE EEPROM's {@code Serial Number} TLV from
 * {@code show platform syseeprom} ({@code Serial Number:} of {@code show version} as a fallback). A
 * config_db JSON template is written to a file with a here-document and loaded with {@code sudo
 * config load -y} (all or nothing); a template of {@code config ...} commands runs line by line.
 * {@code sudo config save -y} saves.
 */
public final class SonicCli implements CliDialect {
  public static final SonicCli DIALECT = new SonicCli();

  static final String FILE = "/tmp/ztpd-final.json";
  static final String HEREDOC_END = "ZTPD_EOF";
  static final Pattern PROMPT = Pattern.compile("\\S+@\\S+:\\S*[$#] ?");
  private static final Pattern VERSION_SERIAL = Pattern.compile("(?m)^Serial Number:\\s*(\\S+)");
  private static final Pattern ERRORS =
      Pattern.compile("(^\\s*(Error|Usage):|command not found|incorrect password)");

  private SonicCli() {}

  @Override
  public Pattern prompt() {
    return PROMPT;
  }

  @Override
  public List<String> sessionSetup() {
    return List.of("export PAGER=cat");
  }

  @Override
  public String serialCommand() {
    return "show platform syseeprom";
  }

  @Override
  public Optional<String> parseSerial(String output) {
    String text = output.replace("\r", "");
    return OnieEeprom.serial(text).or(() -> CliText.group(VERSION_SERIAL, text));
  }

  @Override
  public Optional<String> error(String response) {
    return CliText.errorLine(ERRORS, response);
  }

  @Override
  public PushPlan pushPlan(String config) {
    List<String> save = List.of("sudo config save -y");
    if (config.strip().startsWith("{")) {
      List<String> lines = CliText.lines(config);
      List<String> heredoc = new ArrayList<>();
      heredoc.add("cat > " + FILE + " <<'" + HEREDOC_END + "'");
      heredoc.addAll(lines);
      heredoc.add(HEREDOC_END);
      int statements = (int) lines.stream().filter(l -> !l.isBlank()).count();
      return new PushPlan(
          List.of(),
          List.of(
              new Unit(heredoc, statements), new Unit(List.of("sudo config load -y " + FILE), 0)),
          save,
          List.of(),
          true);
    }
    List<Unit> units = CliText.scriptCommands(config).stream().map(Unit::line).toList();
    return new PushPlan(List.of(), units, save, List.of(), false);
  }
}
