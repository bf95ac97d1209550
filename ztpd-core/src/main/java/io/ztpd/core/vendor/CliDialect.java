package io.ztpd.core.vendor;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to talk to a vendor's command line over SSH: what its prompt looks like, which command shows
 * the chassis serial and how to read it from the real output, and how a configuration is applied
 * (enter configuration mode, send lines, commit / save, spot a rejected line). A {@link
 * VendorProfile} offers one through {@link VendorProfile#cli()}; the SSH client in ztpd-vendors
 * runs it.
 */
public interface CliDialect {
  /** Matches the last line of output when the device waits for a command (its prompt). */
  Pattern prompt();

  /** Commands sent once after login, output ignored: paging off, wide terminal. */
  List<String> sessionSetup();

  /** The command whose output carries the chassis serial. */
  String serialCommand();

  /** The chassis serial in {@link #serialCommand()}'s output; empty when there is none. */
  Optional<String> parseSerial(String output);

  /** How {@code config} (a rendered final configuration) is applied. */
  PushPlan pushPlan(String config);

  /**
   * The device's error message in its answer to one unit of input (echo removed); empty when the
   * input was accepted.
   */
  Optional<String> error(String response);

  /**
   * What to send to apply a configuration.
   *
   * @param enter commands that enter configuration mode
   * @param units the configuration, in units each answered by one prompt
   * @param commit after every unit was accepted: leave configuration mode, commit, save
   * @param abort after a unit was rejected: discard what can be discarded, leave configuration mode
   * @param transactional whether lines take effect only at commit (a rejected line then leaves
   *     nothing applied: the push failed, it is not partial)
   */
  record PushPlan(
      List<String> enter,
      List<Unit> units,
      List<String> commit,
      List<String> abort,
      boolean transactional) {
    public PushPlan {
      enter = List.copyOf(enter);
      units = List.copyOf(units);
      commit = List.copyOf(commit);
      abort = List.copyOf(abort);
    }

    /** Configuration lines in the plan. */
    public int configLines() {
      return units.stream().mapToInt(Unit::configLines).sum();
    }
  }

  /**
   * Input sent in one go and answered by one prompt: usually one line; a multi-line banner, a
   * {@code load terminal} or a here-document is one unit of several lines.
   *
   * @param lines what to send, one line each
   * @param configLines how many configuration lines it carries (for "N of M lines applied")
   */
  record Unit(List<String> lines, int configLines) {
    public Unit {
      lines = List.copyOf(lines);
    }

    public static Unit line(String line) {
      return new Unit(List.of(line), 1);
    }

    /** The line that names the unit in messages: its first. */
    public String first() {
      return lines.isEmpty() ? "" : lines.get(0);
    }
  }
}
