package io.ztpd.sim.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The "configure terminal" family: Cisco IOS-XE (and PnP devices), Cisco NX-OS, Arista EOS and
 * Aruba AOS-CX share the shape {@code host#} / {@code host(config)#} / {@code host(config-if)#},
 * lines applied one by one as typed, and a separate save. They differ in show commands, error
 * wording, save command and multi-line banners.
 */
final class CiscoStyleCli extends VendorCli {
  private enum Flavor {
    IOS_XE,
    NX_OS,
    EOS,
    AOS_CX
  }

  static final CiscoStyleCli IOS_XE =
      new CiscoStyleCli(
          Flavor.IOS_XE,
          Map.of(
              "show version", ShowOutputs::iosShowVersion,
              "show inventory", ShowOutputs::iosShowInventory),
          List.of("write memory", "write", "wr"),
          "Building configuration...\n[OK]\n");
  static final CiscoStyleCli NX_OS =
      new CiscoStyleCli(
          Flavor.NX_OS,
          Map.of(
              "show version", ShowOutputs::nxosShowVersion,
              "show inventory", ShowOutputs::nxosShowInventory),
          List.of("copy running-config startup-config", "copy run start"),
          "[########################################] 100%\n"
              + "Copy complete, now saving to disk (please wait)...\nCopy complete.\n");
  static final CiscoStyleCli EOS =
      new CiscoStyleCli(
          Flavor.EOS,
          Map.of("show version", ShowOutputs::eosShowVersion),
          List.of("write memory", "write", "copy running-config startup-config"),
          "Copy completed successfully.\n");
  static final CiscoStyleCli AOS_CX =
      new CiscoStyleCli(
          Flavor.AOS_CX,
          Map.of("show system", ShowOutputs::arubaShowSystem),
          List.of("write memory", "copy running-config startup-config"),
          "Copying configuration: [Success]\n");

  private static final Map<String, String> SUB_MODES =
      Map.of(
          "interface", "config-if",
          "router", "config-router",
          "line", "config-line",
          "vlan", "config-vlan",
          "vrf", "config-vrf",
          "management", "config-mgmt",
          "aaa", "config-aaa");

  private final Flavor flavor;
  private final Map<String, BiFunction<SshPersona, String, String>> shows;
  private final List<String> saveCommands;
  private final String saved;

  private CiscoStyleCli(
      Flavor flavor,
      Map<String, BiFunction<SshPersona, String, String>> shows,
      List<String> saveCommands,
      String saved) {
    this.flavor = flavor;
    this.shows = shows;
    this.saveCommands = saveCommands;
    this.saved = saved;
  }

  @Override
  String prompt(CliState s, SshPersona p) {
    if (s.mode == CliState.Mode.EXEC) return p.shortName() + "#";
    return p.shortName() + "(" + (s.subMode == null ? "config" : s.subMode) + ")#";
  }

  @Override
  String handle(CliState s, String raw, DeviceSshServer d) {
    String line = raw.stripTrailing();
    String cmd = line.strip();
    if (s.mode == CliState.Mode.BLOCK) return blockLine(s, line, d);
    if (cmd.isEmpty()) return "";
    if (s.mode == CliState.Mode.EXEC) return exec(s, cmd, d);
    return config(s, line, cmd, d);
  }

  private String exec(CliState s, String cmd, DeviceSshServer d) {
    var show = shows.get(cmd);
    if (show != null) return show.apply(d.persona(), d.shownSerial());
    if (cmd.startsWith("terminal ") || (flavor == Flavor.AOS_CX && cmd.equals("no page"))) {
      return "";
    }
    if (cmd.equals("configure terminal") || cmd.equals("conf t") || cmd.equals("configure")) {
      s.mode = CliState.Mode.CONFIG;
      s.subMode = null;
      return flavor == Flavor.IOS_XE || flavor == Flavor.NX_OS
          ? "Enter configuration commands, one per line.  End with CNTL/Z.\n"
          : "";
    }
    if (saveCommands.contains(cmd)) {
      d.recordSave();
      return saved;
    }
    if (cmd.equals("exit") || cmd.equals("logout") || cmd.equals("quit")) {
      s.closed = true;
      return "";
    }
    return invalid(s, d, cmd);
  }

  private String config(CliState s, String line, String cmd, DeviceSshServer d) {
    if (cmd.equals("end")) {
      s.mode = CliState.Mode.EXEC;
      s.subMode = null;
      return "";
    }
    if (cmd.equals("exit")) {
      if (s.subMode != null) s.subMode = null;
      else s.mode = CliState.Mode.EXEC;
      return "";
    }
    String refused = refuse(s, d, line);
    if (refused != null) return invalid(s, d, cmd);
    if (cmd.startsWith("banner ")) {
      String block = bannerBlock(s, line);
      if (block != null) return block;
    }
    if (line.equals(cmd)) {
      s.subMode = SUB_MODES.get(word(cmd));
    }
    d.recordApplied(List.of(line));
    return "";
  }

  /** Starts a multi-line banner when the command does not close it on the same line. */
  private String bannerBlock(CliState s, String line) {
    String[] w = line.strip().split("\\s+", 3);
    if (flavor == Flavor.EOS) {
      if (w.length == 2) {
        s.startBlock(line, "EOF", false, CliState.Mode.CONFIG);
        return "Enter TEXT message.  Type 'EOF' on its own line to end.\n";
      }
      return null;
    }
    if (w.length < 3) return null;
    String delim = w[2].substring(0, 1);
    if (flavor == Flavor.AOS_CX && w[2].length() == 1) {
      s.startBlock(line, delim, true, CliState.Mode.CONFIG);
      return "Enter a new banner, when you are done enter a new line containing only your"
          + " chosen delimiter.\n";
    }
    if (w[2].indexOf(delim, 1) < 0) {
      s.startBlock(line, delim, true, CliState.Mode.CONFIG);
      return "Enter TEXT message.  End with the character '" + delim + "'.\n";
    }
    return null;
  }

  private String blockLine(CliState s, String line, DeviceSshServer d) {
    s.blockLines.add(line);
    if (!s.endsBlock(line)) return "";
    List<String> all = new ArrayList<>();
    all.add(s.blockOpener);
    all.addAll(s.blockLines);
    d.recordApplied(all);
    s.mode = s.afterBlock;
    return "";
  }

  private String invalid(CliState s, DeviceSshServer d, String cmd) {
    String prompt = prompt(s, d.persona());
    return switch (flavor) {
      case IOS_XE -> caret(prompt, cmd) + "% Invalid input detected at '^' marker.\n";
      case NX_OS -> caret(prompt, cmd) + "% Invalid command at '^' marker.\n";
      case EOS -> "% Invalid input\n";
      case AOS_CX -> "Invalid input: " + word(cmd) + "\n";
    };
  }
}
