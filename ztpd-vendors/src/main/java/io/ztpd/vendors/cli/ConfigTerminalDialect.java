package io.ztpd.vendors.cli;

import io.ztpd.core.vendor.CliDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The "configure terminal" family (Cisco IOS-XE and NX-OS, Arista EOS, Aruba AOS-CX): prompt {@code
 * host#} / {@code host(config-if)#}, lines take effect one by one as typed (a rejected line leaves
 * the earlier ones applied: Partially Completed), then {@code end} and a save command. Comment
 * lines ({@code !}) and {@code end} in the template are not sent; a multi-line banner is sent as
 * one unit.
 */
public class ConfigTerminalDialect implements CliDialect {
  private static final Pattern PROMPT = Pattern.compile("[\\w.\\-/:@]+(\\([\\w.\\-/: ]+\\))?# ?");

  /** How the platform takes a multi-line banner. */
  public enum Banner {
    /**
     * {@code banner motd ^text^}, or text lines until one containing the delimiter (IOS, NX-OS).
     */
    DELIMITED,
    /** {@code banner motd} alone, then text lines until {@code EOF} (EOS). */
    EOF_LINE,
    /** {@code banner motd !}, then text lines until one containing the delimiter (AOS-CX). */
    DELIMITER_WORD
  }

  private final List<String> setup;
  private final String serialCommand;
  private final Function<String, Optional<String>> serialParser;
  private final List<String> save;
  private final Pattern errors;
  private final Banner banner;

  /**
   * @param setup commands after login (paging off)
   * @param serialCommand the show command carrying the serial
   * @param serialParser reads the serial from its output
   * @param save commands after {@code end} that make the configuration persistent
   * @param errors finds the device's error message in a line of its answer
   * @param banner how multi-line banners are entered
   */
  public ConfigTerminalDialect(
      List<String> setup,
      String serialCommand,
      Function<String, Optional<String>> serialParser,
      List<String> save,
      Pattern errors,
      Banner banner) {
    this.setup = List.copyOf(setup);
    this.serialCommand = serialCommand;
    this.serialParser = serialParser;
    this.save = List.copyOf(save);
    this.errors = errors;
    this.banner = banner;
  }

  @Override
  public Pattern prompt() {
    return PROMPT;
  }

  @Override
  public List<String> sessionSetup() {
    return setup;
  }

  @Override
  public String serialCommand() {
    return serialCommand;
  }

  @Override
  public Optional<String> parseSerial(String output) {
    return serialParser.apply(output);
  }

  @Override
  public Optional<String> error(String response) {
    return CliText.errorLine(errors, response);
  }

  @Override
  public PushPlan pushPlan(String config) {
    List<Unit> units = new ArrayList<>();
    List<String> lines = CliText.lines(config);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (CliText.isComment(line, "!") || line.strip().equals("end")) continue;
      String end = bannerEnd(line);
      if (end == null) {
        units.add(Unit.line(line));
        continue;
      }
      List<String> block = new ArrayList<>(List.of(line));
      boolean within = banner != Banner.EOF_LINE;
      while (++i < lines.size()) {
        String b = lines.get(i);
        block.add(b);
        if (within ? b.contains(end) : b.strip().equals(end)) break;
      }
      units.add(new Unit(block, 1));
    }
    List<String> commit = new ArrayList<>(List.of("end"));
    commit.addAll(save);
    return new PushPlan(List.of("configure terminal"), units, commit, List.of("end"), false);
  }

  /** When {@code line} opens a multi-line banner, what ends it; else null. */
  private String bannerEnd(String line) {
    String[] w = line.strip().split("\\s+", 3);
    if (!w[0].equals("banner") || w.length < 2) return null;
    return switch (banner) {
      case EOF_LINE -> w.length == 2 ? "EOF" : null;
      case DELIMITER_WORD -> w.length == 3 && w[2].length() == 1 ? w[2] : null;
      case DELIMITED -> {
        if (w.length < 3) yield null;
        String d = w[2].substring(0, 1);
        yield w[2].indexOf(d, 1) < 0 ? d : null;
      }
    };
  }
}
