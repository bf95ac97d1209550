package io.ztpd.sim.ssh;

import java.util.List;

/**
 * Huawei VRP: user view {@code <host>}, system view {@code [host]}, sub-views {@code [host-aaa]}.
 * Lines apply as typed; {@code save} asks for confirmation.
 */
final class VrpCli extends VendorCli {
  @Override
  String prompt(CliState s, SshPersona p) {
    if (s.mode == CliState.Mode.EXEC) return "<" + p.shortName() + ">";
    return "[" + p.shortName() + (s.subMode == null ? "" : "-" + s.subMode) + "]";
  }

  @Override
  String greeting(SshPersona p) {
    return "\nInfo: The max number of VTY users is 21, the number of current VTY users online"
        + " is 1.\n";
  }

  @Override
  String handle(CliState s, String raw, DeviceSshServer d) {
    String cmd = raw.strip();
    if ("save".equals(s.pending)) {
      s.pending = null;
      if (cmd.equalsIgnoreCase("y") || cmd.equalsIgnoreCase("yes")) {
        d.recordSave();
        return "Now saving the current configuration to the slot 1..\n"
            + "Info: Save the configuration successfully.\n";
      }
      return "";
    }
    if (cmd.isEmpty() || cmd.startsWith("#")) return "";
    return s.mode == CliState.Mode.EXEC ? user(s, cmd, d) : system(s, raw.stripTrailing(), d);
  }

  private String user(CliState s, String cmd, DeviceSshServer d) {
    switch (cmd) {
      case "display esn":
        return ShowOutputs.vrpDisplayEsn(d.shownSerial());
      case "display device manufacture-info":
        return ShowOutputs.vrpManufactureInfo(d.shownSerial());
      case "display version":
        return ShowOutputs.vrpDisplayVersion(d.persona());
      case "screen-length 0 temporary":
        return "Info: The configuration takes effect on the current user terminal interface"
            + " only.\n";
      case "system-view", "system-view immediately":
        s.mode = CliState.Mode.CONFIG;
        s.subMode = null;
        return "Enter system view, return user view with return command.\n";
      case "save":
        s.pending = "save";
        return "Warning: The current configuration will be written to the device."
            + " Continue? [Y/N]:";
      case "quit":
        s.closed = true;
        return "";
      default:
        return error(s, d, cmd);
    }
  }

  private String system(CliState s, String line, DeviceSshServer d) {
    String cmd = line.strip();
    if (cmd.equals("return")) {
      s.mode = CliState.Mode.EXEC;
      s.subMode = null;
      return "";
    }
    if (cmd.equals("quit")) {
      if (s.subMode != null) s.subMode = null;
      else s.mode = CliState.Mode.EXEC;
      return "";
    }
    if (refuse(s, d, line) != null) return error(s, d, cmd);
    if (line.equals(cmd)) s.subMode = subView(cmd);
    d.recordApplied(List.of(line));
    return "";
  }

  /** The sub-view a top-level command enters, as the prompt shows it; null when none. */
  private static String subView(String cmd) {
    String[] w = cmd.split("\\s+");
    return switch (w[0]) {
      case "aaa" -> "aaa";
      case "interface" -> w.length > 1 ? w[1] : null;
      case "user-interface" -> "ui-" + String.join("", List.of(w).subList(1, w.length));
      default -> null;
    };
  }

  private String error(CliState s, DeviceSshServer d, String cmd) {
    return caret(prompt(s, d.persona()), cmd)
        + "Error: Unrecognized command found at '^' position.\n";
  }
}
