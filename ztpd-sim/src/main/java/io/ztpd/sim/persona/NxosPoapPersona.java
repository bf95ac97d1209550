package io.ztpd.sim.persona;

import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.Reboot;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.device.Versions;
import io.ztpd.sim.dhcp.ClientOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cisco NX-OS POAP: option 77 {@code Cisco-POAP}, option 61 = 0x00 then the serial. Option 67 names
 * the POAP script on the option 150 / 66 TFTP server (or is its URL). POAP checks the script first
 * — its {@code #md5sum="<hex>"} line is the MD5 of the script without that line — then the script
 * runs (ztpd's: {@code BASE_URL}, {@code CONFIG_NAME_MODE}, {@code IMAGE}, {@code REPORT_URL},
 * {@code DEVICE}): it copies {@code poap/conf.<serial>} (or {@code poap/conf_<MAC>.cfg}) and its
 * {@code .md5} companion and compares them, then the image and its {@code .md5} unless the switch
 * runs that version, schedules the configuration and reports each step.
 */
public final class NxosPoapPersona implements Persona {
  static final Pattern MD5_LINE = Pattern.compile("^#md5sum=\"([0-9a-fA-F]{32})\"\\s*$");

  @Override
  public String id() {
    return "cisco-nxos";
  }

  @Override
  public String vendor() {
    return "cisco-nxos";
  }

  @Override
  public ClientOptions dhcpOptions(DeviceSpec d) {
    byte[] serial = d.serial().getBytes(StandardCharsets.US_ASCII);
    byte[] cid = new byte[serial.length + 1];
    System.arraycopy(serial, 0, cid, 1, serial.length);
    return new ClientOptions()
        .put(61, cid)
        .text(77, "Cisco-POAP")
        .requestList(1, 3, 6, 12, 15, 51, 66, 67, 150)
        .maxMessageSize(1152);
  }

  @Override
  public void provision(DeviceRun run) throws StepFailure, InterruptedException, Reboot {
    long lease = run.lease().leaseSeconds();
    if (lease >= 0 && lease < 3600) {
      run.note("dhcp", "lease of " + lease + " s is shorter than the 3600 s POAP asks for");
    }
    String name = run.lease().text(67);
    if (name == null || name.isBlank()) name = run.lease().file();
    if (name == null || name.isBlank()) {
      throw StepFailure.retry("dhcp", "no option 67: no POAP script to run");
    }
    byte[] raw = run.fetch("poap-script", Files.url("tftp", run.fileServer(), null, name.trim()));
    verifyScript(run, raw);
    String script = Files.text(raw);
    Map<String, String> vars = ScriptVars.of(script);
    String base = vars.get("BASE_URL");
    if (base == null) throw StepFailure.retry("poap-script", "the POAP script sets no BASE_URL");
    ScriptRunner.reportAs(run, script);
    String step = "start";
    try {
      run.progress(step, "POAP script started on " + run.spec().serial());
      String conf =
          "mac".equals(vars.get("CONFIG_NAME_MODE"))
              ? "conf_" + run.spec().macHex().toUpperCase(Locale.ROOT) + ".cfg"
              : "conf." + run.spec().serial();
      step = "config";
      URI confUrl = URI.create(base + "poap/" + conf);
      byte[] config = run.fetch(step, confUrl);
      run.verify(step, config, "MD5", companion(run, step, confUrl));
      run.progress(step, "fetched and checked " + conf);
      Map<String, String> image = ScriptVars.dict(vars.get("IMAGE"));
      if (image.containsKey("name")) {
        step = "image";
        URI url = URI.create(base + "images/" + image.get("name"));
        if (Versions.sameAsRunning(run, image.get("version"))) {
          run.progress(step, "already running " + run.version());
        } else {
          run.installImage(step, url, image.get("version"), "MD5", companion(run, step, url));
        }
      }
      step = "conf_min";
      run.configLoaded(vendor(), Files.text(config));
      run.reporter().send("done", "ztp", "configuration scheduled; POAP reboots into it");
    } catch (StepFailure f) {
      run.reporter().send("failed", step, f.getMessage());
      throw f;
    }
  }

  /** The MD5 in a file's {@code .md5} companion ({@code "<md5> <name>"}); missing = failure. */
  private static String companion(DeviceRun run, String step, URI file)
      throws StepFailure, InterruptedException {
    return Files.firstWord(Files.text(run.fetch(step, URI.create(file + ".md5"))));
  }

  /** The {@code #md5sum} line check POAP makes before running a script. */
  static void verifyScript(DeviceRun run, byte[] raw) throws StepFailure {
    String[] lines = Files.text(raw).split("\n", -1);
    int at = -1;
    String hex = null;
    for (int i = 0; i < Math.min(lines.length, 3) && at < 0; i++) {
      Matcher m = MD5_LINE.matcher(lines[i].replace("\r", ""));
      if (m.matches()) {
        at = i;
        hex = m.group(1);
      }
    }
    if (at < 0) throw StepFailure.retry("poap-script", "POAP script has no #md5sum=\"...\" line");
    StringBuilder rest = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i == at) continue;
      rest.append(lines[i]);
      if (i < lines.length - 1) rest.append('\n');
    }
    run.verify("poap-script", rest.toString().getBytes(StandardCharsets.UTF_8), "MD5", hex);
  }

  @Override
  public boolean checksums() {
    return true;
  }

  @Override
  public Hardware hardware() {
    return new Hardware(List.of("N9K-C93180YC-FX", "N9K-C9336C-FX2"), "FDO", 8, "9.3(8)");
  }
}
