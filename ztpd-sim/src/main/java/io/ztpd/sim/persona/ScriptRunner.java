package io.ztpd.sim.persona;

import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.Reboot;
import io.ztpd.sim.device.StepFailure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a device does with a provisioning script ztpd generated for it (Python ZTP, Junos {@code
 * #!}, Cumulus, SONiC's provisioning-script). The simulator does not run shell or Python: it
 * performs the script's effects from the settings at its top, in the scripts' own order —
 *
 * <ol>
 *   <li>{@code REPORT_URL} and {@code DEVICE}: where and as whom every step is reported;
 *   <li>{@code IMAGE_URL} / {@code IMAGE_VERSION} (shell): the image first, unless the device runs
 *       that version — then "done" and a reboot into it (ZTP runs again on the new image);
 *   <li>{@code CONFIG_URL}: the minimal configuration, fetched from the device's address and
 *       loaded, then "applied" for step {@code conf_min};
 *   <li>{@code IMAGE} (Python dict {@code name, url, md5, version}): the image after the
 *       configuration, checked against its MD5, unless already running;
 *   <li>"done"; any failure on the way is reported "failed" with its step, as the scripts do.
 * </ol>
 *
 * A script without {@code CONFIG_URL} (not one of ztpd's) is read loosely: its first URL ending in
 * {@code /ztp/report} reports, its first other URL whose path mentions {@code conf} is the
 * configuration, else the configuration is embedded in the script itself.
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

  /** The script's report URL ({@code REPORT_URL}, else a URL ending in /ztp/report), or null. */
  public static URI reportUrl(String script) {
    return reportUrl(ScriptVars.of(script), script);
  }

  private static URI reportUrl(Map<String, String> vars, String script) {
    String named = vars.get("REPORT_URL");
    if (named != null) return URI.create(named);
    for (String u : urls(script)) if (u.endsWith("/ztp/report")) return URI.create(u);
    return null;
  }

  /** The configuration URL ({@code CONFIG_URL}, else the first URL mentioning conf), or null. */
  public static URI configUrl(String script) {
    return configUrl(ScriptVars.of(script), script);
  }

  private static URI configUrl(Map<String, String> vars, String script) {
    String named = vars.get("CONFIG_URL");
    if (named != null) return URI.create(named);
    for (String u : urls(script)) {
      if (u.endsWith("/ztp/report")) continue;
      String path = URI.create(u).getPath();
      if (path != null && path.toLowerCase(java.util.Locale.ROOT).contains("conf")) {
        return URI.create(u);
      }
    }
    return null;
  }

  /** Takes the script's report channel: URL and the device id it reports as. */
  static void reportAs(DeviceRun run, String script) {
    reportAs(run, ScriptVars.of(script), script);
  }

  private static void reportAs(DeviceRun run, Map<String, String> vars, String script) {
    URI report = reportUrl(vars, script);
    if (report != null) run.reporter().url(report);
    String device = vars.get("DEVICE");
    if (device != null) run.reporter().device(device);
  }

  /** Performs the script's effects on the device. */
  public static void run(DeviceRun run, String vendor, String script)
      throws StepFailure, InterruptedException, Reboot {
    Map<String, String> vars = ScriptVars.of(script);
    reportAs(run, vars, script);
    String step = "start";
    try {
      run.progress(step, "script started");
      String imageUrl = vars.get("IMAGE_URL");
      if (imageUrl != null) {
        step = "image";
        if (run.installImage(step, URI.create(imageUrl), vars.get("IMAGE_VERSION"), null, null)) {
          run.reporter().send("done", "ztp", "image staged; rebooting");
          throw new Reboot("rebooting into " + imageUrl);
        }
      }
      step = "config";
      URI config = configUrl(vars, script);
      String text =
          config == null
              ? script // the configuration is the script itself
              : new String(run.fetch(step, config), StandardCharsets.UTF_8);
      run.progress(step, "fetched the minimal configuration");
      step = "conf_min";
      run.configLoaded(vendor, text);
      run.reporter().send("applied", step, "minimal configuration applied");
      Map<String, String> image = ScriptVars.dict(vars.get("IMAGE"));
      if (image.containsKey("url")) {
        step = "image";
        if (run.installImage(
            step, URI.create(image.get("url")), image.get("version"), "MD5", image.get("md5"))) {
          run.reporter()
              .send("done", "ztp", "configuration saved; rebooting into " + image.get("name"));
          return;
        }
      }
      run.reporter().send("done", "ztp", "provisioning complete");
    } catch (StepFailure f) {
      run.reporter().send("failed", step, f.getMessage());
      throw f;
    }
  }

  private static String trimPunctuation(String u) {
    int n = u.length();
    while (n > 0 && ".,;:".indexOf(u.charAt(n - 1)) >= 0) n--;
    return u.substring(0, n);
  }
}
