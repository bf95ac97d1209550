package io.ztpd.sim.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Linux-based network OSes: a bash prompt {@code user@host:~$}. SONiC is configured with {@code
 * config ...} commands (applied at once) or {@code config load} of a config_db JSON file, saved
 * with {@code config save -y}; Cumulus Linux with NVUE {@code nv set} into a pending revision,
 * applied by {@code nv config apply} and saved by {@code nv config save}. Cumulus's sudo asks for
 * the password once per session.
 */
final class LinuxCli extends VendorCli {
  static final LinuxCli SONIC = new LinuxCli(false);
  static final LinuxCli CUMULUS = new LinuxCli(true);

  private static final Pattern HEREDOC =
      Pattern.compile("cat\\s*>\\s*(\\S+)\\s*<<\\s*-?\\s*['\"]?(\\w+)['\"]?\\s*");
  private static final Pattern CONFIG_LOAD = Pattern.compile("config load (?:-y )?(\\S+)(?: -y)?");

  private final boolean cumulus;
  private final java.util.concurrent.atomic.AtomicInteger revision =
      new java.util.concurrent.atomic.AtomicInteger(1);

  private LinuxCli(boolean cumulus) {
    this.cumulus = cumulus;
  }

  @Override
  String prompt(CliState s, SshPersona p) {
    return p.username() + "@" + p.shortName() + (cumulus ? ":mgmt" : "") + ":~$ ";
  }

  @Override
  String blockPrompt() {
    return "> ";
  }

  @Override
  String handle(CliState s, String raw, DeviceSshServer d) {
    if (s.mode == CliState.Mode.BLOCK) return heredocLine(s, raw);
    if (s.pending != null) return sudoPassword(s, raw, d);
    String cmd = raw.strip();
    if (cmd.isEmpty()) return "";
    if (cmd.startsWith("sudo ")) {
      String rest = cmd.substring(5).strip();
      if (cumulus && !s.sudoGranted) {
        s.pending = rest;
        s.secretInput = true;
        return "[sudo] password for " + d.persona().username() + ": ";
      }
      return run(s, rest, d);
    }
    return run(s, cmd, d);
  }

  private String sudoPassword(CliState s, String password, DeviceSshServer d) {
    String command = s.pending;
    s.pending = null;
    s.secretInput = false;
    if (!password.equals(d.persona().password())) {
      return "Sorry, try again.\nsudo: 1 incorrect password attempt\n";
    }
    s.sudoGranted = true;
    return run(s, command, d);
  }

  private String run(CliState s, String cmd, DeviceSshServer d) {
    Matcher heredoc = HEREDOC.matcher(cmd);
    if (heredoc.matches()) {
      s.startBlock(heredoc.group(1), heredoc.group(2), false, CliState.Mode.EXEC);
      return "";
    }
    if (cmd.equals("exit") || cmd.equals("logout")) {
      s.closed = true;
      return "";
    }
    if (cmd.equals("decode-syseeprom")) {
      return cumulus
          ? ShowOutputs.cumulusSyseeprom(d.persona(), d.shownSerial())
          : ShowOutputs.sonicSyseeprom(d.persona(), d.shownSerial());
    }
    if (!cumulus && cmd.equals("show platform syseeprom")) {
      return ShowOutputs.sonicSyseeprom(d.persona(), d.shownSerial());
    }
    if (!cumulus && cmd.equals("show version")) {
      return ShowOutputs.sonicShowVersion(d.persona(), d.shownSerial());
    }
    if (!cumulus && cmd.startsWith("config ")) return sonicConfig(s, cmd, d);
    if (cumulus && cmd.startsWith("nv ")) return nvue(s, cmd, d);
    if (cmd.startsWith("echo ")) return cmd.substring(5) + "\n";
    if (cmd.startsWith("export ")) return "";
    return "-bash: " + word(cmd) + ": command not found\n";
  }

  private String sonicConfig(CliState s, String cmd, DeviceSshServer d) {
    if (cmd.equals("config save -y") || cmd.equals("config save")) {
      d.recordSave();
      return "Running command: /usr/local/bin/sonic-cfggen -d --print-data >"
          + " /etc/sonic/config_db.json\n";
    }
    Matcher load = CONFIG_LOAD.matcher(cmd);
    if (load.matches()) {
      List<String> file = s.files.get(load.group(1));
      if (file == null) {
        return "Error: Path \"" + load.group(1) + "\" does not exist.\n";
      }
      for (String line : file) {
        if (!line.isBlank() && refuse(s, d, line) != null) {
          return "Running command: /usr/local/bin/sonic-cfggen -j "
              + load.group(1)
              + " --write-to-db\nError: config_db rejected: "
              + line.strip()
              + "\n";
        }
      }
      d.recordApplied(file);
      return "Running command: /usr/local/bin/sonic-cfggen -j "
          + load.group(1)
          + " --write-to-db\n";
    }
    if (refuse(s, d, cmd) != null) {
      return "Usage: config [OPTIONS] COMMAND [ARGS]...\nTry \"config -h\" for help.\n\n"
          + "Error: No such command \""
          + cmd.split("\\s+")[1]
          + "\".\n";
    }
    d.recordApplied(List.of(cmd));
    return "";
  }

  private String nvue(CliState s, String cmd, DeviceSshServer d) {
    if (cmd.startsWith("nv set ") || cmd.startsWith("nv unset ")) {
      if (refuse(s, d, cmd) != null) {
        return "Error: Invalid config [rev_id: " + revision.get() + "]: " + cmd.substring(3) + "\n";
      }
      s.candidate.add(cmd);
      return "";
    }
    if (cmd.startsWith("nv config apply")) {
      d.recordApplied(s.candidate);
      s.candidate.clear();
      return "applied [rev_id: " + revision.incrementAndGet() + "]\n";
    }
    if (cmd.equals("nv config save")) {
      d.recordSave();
      return "saved [rev_id: startup]\n";
    }
    if (cmd.equals("nv config detach")) {
      s.candidate.clear();
      return "";
    }
    return "Error: unknown nv command: " + cmd + "\n";
  }

  private String heredocLine(CliState s, String raw) {
    if (!s.endsBlock(raw)) {
      s.blockLines.add(raw);
      return "";
    }
    s.files.put(s.blockOpener, new ArrayList<>(s.blockLines));
    s.mode = s.afterBlock;
    return "";
  }
}
