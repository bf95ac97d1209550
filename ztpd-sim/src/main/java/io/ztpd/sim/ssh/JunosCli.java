package io.ztpd.sim.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * Junos: operational mode {@code user@host>}, configuration mode {@code [edit]} / {@code
 * user@host#}. Changes go to a candidate configuration and take effect only at {@code commit};
 * {@code load merge terminal} reads a whole configuration until Ctrl-D.
 */
final class JunosCli extends VendorCli {
  @Override
  String prompt(CliState s, SshPersona p) {
    String who = p.username() + "@" + p.shortName();
    return s.mode == CliState.Mode.EXEC ? who + "> " : "\n[edit]\n" + who + "# ";
  }

  @Override
  String greeting(SshPersona p) {
    return "--- JUNOS 21.4R3-S4.9 Kernel 64-bit  JNPR-12.1-20230316.1f4f0ca_buil\n";
  }

  @Override
  String handle(CliState s, String raw, DeviceSshServer d) {
    String cmd = raw.strip();
    if (s.mode == CliState.Mode.BLOCK) return loadLine(s, raw, d);
    if (cmd.isEmpty()) return "";
    return s.mode == CliState.Mode.EXEC ? operational(s, cmd, d) : configuration(s, cmd, d);
  }

  private String operational(CliState s, String cmd, DeviceSshServer d) {
    switch (cmd) {
      case "show chassis hardware":
        return ShowOutputs.junosShowChassisHardware(d.persona(), d.shownSerial());
      case "show version":
        return ShowOutputs.junosShowVersion(d.persona());
      case "set cli screen-length 0":
        return "Screen length set to 0\n";
      case "set cli screen-width 0":
        return "Screen width set to 0\n";
      case "configure", "configure private", "configure exclusive":
        s.mode = CliState.Mode.CONFIG;
        s.candidate.clear();
        return "Entering configuration mode\n";
      case "exit", "quit":
        s.closed = true;
        return "";
      default:
        return caret(prompt(s, d.persona()), cmd) + "unknown command.\n";
    }
  }

  private String configuration(CliState s, String cmd, DeviceSshServer d) {
    String w = word(cmd);
    if (w.equals("set") || w.equals("delete") || w.equals("deactivate") || w.equals("activate")) {
      if (refuse(s, d, cmd) != null) {
        return caret(who(d) + "# ", cmd.substring(w.length() + 1)) + "syntax error.\n";
      }
      s.candidate.add(cmd);
      return "";
    }
    if (cmd.matches("load (merge|replace|override|set) terminal( relative)?")) {
      s.startBlock(cmd, "\u0004", false, CliState.Mode.CONFIG);
      return "[Type ^D at a new line to end input]\n";
    }
    if (cmd.equals("commit") || cmd.equals("commit and-quit")) {
      d.recordApplied(s.candidate);
      s.candidate.clear();
      d.recordSave(); // a Junos commit is durable
      if (cmd.endsWith("and-quit")) {
        s.mode = CliState.Mode.EXEC;
        return "commit complete\nExiting configuration mode\n";
      }
      return "commit complete\n";
    }
    if (cmd.equals("commit check")) return "configuration check succeeds\n";
    if (cmd.equals("rollback") || cmd.equals("rollback 0")) {
      s.candidate.clear();
      return "load complete\n";
    }
    if (cmd.equals("exit") || cmd.equals("exit configuration-mode") || cmd.equals("quit")) {
      String warn =
          s.candidate.isEmpty() ? "" : "The configuration has been changed but not committed\n";
      s.candidate.clear();
      s.mode = CliState.Mode.EXEC;
      return warn + "Exiting configuration mode\n";
    }
    if (w.equals("top") || w.equals("up") || w.equals("edit") || w.equals("show")) return "";
    return caret(who(d) + "# ", cmd) + "unknown command.\n";
  }

  /** A line of {@code load ... terminal}; Ctrl-D ends it and reports errors by line, as Junos. */
  private String loadLine(CliState s, String raw, DeviceSshServer d) {
    if (!raw.equals("\u0004")) {
      s.blockLines.add(raw);
      return "";
    }
    s.mode = CliState.Mode.CONFIG;
    List<String> ok = new ArrayList<>();
    StringBuilder errors = new StringBuilder();
    int count = 0;
    for (int i = 0; i < s.blockLines.size(); i++) {
      String line = s.blockLines.get(i);
      String t = line.strip();
      if (t.isEmpty() || t.equals("}") || t.startsWith("/*") || t.startsWith("#")) {
        ok.add(line);
        continue;
      }
      if (refuse(s, d, line) != null) {
        count++;
        errors
            .append("terminal:")
            .append(i + 1)
            .append(":(1) syntax error: ")
            .append(word(t))
            .append("\n  [edit]\n    '")
            .append(t)
            .append("'\n      syntax error\n");
      } else {
        ok.add(line);
      }
    }
    s.candidate.addAll(ok);
    return errors + (count == 0 ? "load complete\n" : "load complete (" + count + " errors)\n");
  }

  private static String who(DeviceSshServer d) {
    return d.persona().username() + "@" + d.persona().shortName();
  }
}
