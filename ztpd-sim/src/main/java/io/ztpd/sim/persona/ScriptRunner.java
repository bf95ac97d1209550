package io.ztpd.sim.persona;

import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.StepFailure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a device does with a provisioning script ztpd generated for it (Python ZTP, POAP's
 * post-steps, Cumulus, SONiC's provisioning-script, a Junos {@code #!} script): the simulator does
 * not execute shell or Python, it performs the script's effects from what the script names —
 *
 * <ul>
 *   <li>the report callback: the first URL ending in {@code /ztp/report};
 *   <li>the configuration: the first other URL whose path mentions {@code config}, fetched from the
 *       device's address; without one the configuration is embedded in the script itself;
 *   <li>then "applied" is reported for step {@code conf_min}.
 * </ul>
 *
 * This is the contract a generated script keeps for the simulator: name the report URL and the
 * configuration URL literally (or embed the configuration).
 */
public final class ScriptRunner {
  private static final Pattern URL =
      Pattern.compile("\\b((?:https?|tftp|ftp|sftp)://[^\\s'\"<>()\\\\]+)");

  private ScriptRunner() {}

  /** URLs a script names, in order. */
  public static List<String> urls(String script) {
    List<String> out = new ArrayList<>();
    Matcher m = URL.matcher(script);
    while (m.find()) out.add(trimPunctuation(m.group(1)));
    return out;
  }

  /** The script's report URL, or null. */
  public static URI reportUrl(String script) {
    for (String u : urls(script)) if (u.endsWith("/ztp/report")) return URI.create(u);
    return null;
  }

  /** The first URL of the script whose path names a configuration, or null. */
  public static URI configUrl(String script) {
    for (String u : urls(script)) {
      if (u.endsWith("/ztp/report")) continue;
      String path = URI.create(u).getPath();
      if (path != null && path.toLowerCase(java.util.Locale.ROOT).contains("conf")) {
        return URI.create(u);
      }
    }
    return null;
  }

  /** Performs the script's effects on the device. */
  public static void run(DeviceRun run, String vendor, String script)
      throws StepFailure, InterruptedException {
    URI report = reportUrl(script);
    if (report != null) run.reporter().url(report);
    run.progress("script", "running the provisioning script");
    URI config = configUrl(script);
    String text = script;
    if (config != null) {
      text = new String(run.fetch("config", config), StandardCharsets.UTF_8);
    }
    run.configLoaded(vendor, text);
    run.reporter().send("applied", "conf_min", "minimal configuration applied");
  }

  private static String trimPunctuation(String u) {
    int n = u.length();
    while (n > 0 && ".,;:".indexOf(u.charAt(n - 1)) >= 0) n--;
    return u.substring(0, n);
  }
}
