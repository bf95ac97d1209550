package io.ztpd.vendors.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by the vendor dialects. */
public final class CliText {
  private CliText() {}

  /** Group 1 of the first match, trimmed; empty when there is none or it is blank. */
  public static Optional<String> group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      String g = m.group(1);
      if (g != null && !g.isBlank()) return Optional.of(g.strip());
    }
    return Optional.empty();
  }

  /** The first line of {@code response} that {@code errorLine} finds something in, trimmed. */
  public static Optional<String> errorLine(Pattern errorLine, String response) {
    for (String line : lines(response)) {
      if (errorLine.matcher(line).find()) return Optional.of(line.strip());
    }
    return Optional.empty();
  }

  /** Lines of a text, line ends removed (LF or CRLF), trailing blanks removed. */
  public static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String l : text.split("\r?\n", -1)) out.add(l.stripTrailing());
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
    return out;
  }

  /** Whether a line carries nothing to send: blank, or a comment starting with one of these. */
  public static boolean isComment(String line, String... markers) {
    String t = line.strip();
    if (t.isEmpty()) return true;
    for (String m : markers) if (t.startsWith(m)) return true;
    return false;
  }

  /**
   * The commands of a shell script, one per line, without what would harm an interactive shell or
   * belongs to the script only: blank and comment lines, the shebang, {@code set -e} (the login
   * shell would exit at the first failing command) and {@code exit}.
   */
  public static List<String> scriptCommands(String script) {
    List<String> out = new ArrayList<>();
    for (String line : lines(script)) {
      String t = line.strip();
      if (isComment(t, "#")) continue;
      if (t.matches("set\\s+-[a-z]*e[a-z]*(\\s.*)?") || t.equals("exit") || t.startsWith("exit ")) {
        continue;
      }
      out.add(t);
    }
    return out;
  }
}
