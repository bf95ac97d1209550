package io.ztpd.sim.ssh;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A vendor's command line as a simulated device shows it: prompts, the show commands that carry the
 * serial (in the vendor's real output format, see {@link ShowOutputs}), configuration mode and
 * saving. Configuration lines are accepted without checking their syntax, except where the device's
 * {@link SshFaults} say to reject them.
 */
abstract class VendorCli {
  static final List<String> VENDORS =
      List.of(
          "cisco-iosxe",
          "cisco-pnp",
          "cisco-nxos",
          "arista",
          "aruba-cx",
          "juniper",
          "huawei",
          "sonic",
          "cumulus");

  static VendorCli forVendor(String vendor) {
    return switch (vendor) {
      case "cisco-iosxe", "cisco-pnp" -> CiscoStyleCli.IOS_XE;
      case "cisco-nxos" -> CiscoStyleCli.NX_OS;
      case "arista" -> CiscoStyleCli.EOS;
      case "aruba-cx" -> CiscoStyleCli.AOS_CX;
      case "juniper" -> new JunosCli();
      case "huawei" -> new VrpCli();
      case "sonic" -> LinuxCli.SONIC;
      case "cumulus" -> LinuxCli.CUMULUS;
      default ->
          throw new IllegalArgumentException(
              "no simulated CLI for vendor '" + vendor + "' (known: " + VENDORS + ")");
    };
  }

  /** The prompt for the current mode. */
  abstract String prompt(CliState s, SshPersona p);

  /** Answers one line (without its line end); may change the state. */
  abstract String handle(CliState s, String line, DeviceSshServer d);

  /** Printed once when an interactive session starts. */
  String greeting(SshPersona p) {
    return "";
  }

  /** Printed after each line of multi-line input. */
  String blockPrompt() {
    return "";
  }

  /**
   * Counts one configuration line against the device's faults.
   *
   * @return null when accepted, else a short reason (the caller words the vendor's error)
   */
  static String refuse(CliState s, DeviceSshServer d, String line) {
    SshFaults f = d.faults();
    if (f.failAfterLines() >= 0 && s.acceptedLines >= f.failAfterLines()) {
      return "line " + (s.acceptedLines + 1) + " refused";
    }
    if (f.rejectPattern() != null && Pattern.compile(f.rejectPattern()).matcher(line).find()) {
      return "line matches the reject pattern";
    }
    s.acceptedLines++;
    return null;
  }

  /** The first word of a line, lower case. */
  static String word(String line) {
    String t = line.strip();
    int sp = t.indexOf(' ');
    return (sp < 0 ? t : t.substring(0, sp)).toLowerCase(Locale.ROOT);
  }

  /** A caret under the first character of the line, as devices mark a rejected token. */
  static String caret(String prompt, String line) {
    int lead = line.length() - line.stripLeading().length();
    return " ".repeat(Math.max(0, prompt.length() + lead)) + "^\n";
  }

  static boolean looksLikeError(String reply) {
    if (reply == null) return false;
    String r = reply.toLowerCase(Locale.ROOT);
    return r.contains("% invalid")
        || r.contains("invalid input")
        || r.contains("error")
        || r.contains("unknown command")
        || r.contains("command not found");
  }
}
