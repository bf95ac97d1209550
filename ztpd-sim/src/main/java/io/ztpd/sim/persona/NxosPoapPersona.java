package io.ztpd.sim.persona;

import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.dhcp.ClientOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cisco NX-OS POAP: option 77 {@code Cisco-POAP}, option 61 = 0x00 then the serial. From the
 * answer, option 67 names the POAP script on the option 150 / 66 server (or is its URL). The script
 * is verified first — its second line is {@code #md5sum="<hex>"}, the MD5 of the script without
 * that line — then does what its {@code options} dictionary says (Cisco's reference script): {@code
 * transfer_protocol}, {@code hostname} (the file server), {@code config_path}, {@code mode} ({@code
 * serial_number} → {@code conf.<serial>}, {@code mac} → {@code conf_<MAC>.cfg}, {@code hostname} →
 * {@code conf_<hostname>.cfg}), {@code target_system_image}, {@code target_image_path}, {@code
 * username} / {@code password}; each file is checked against its {@code .md5} companion unless
 * {@code disable_md5} is true.
 */
public final class NxosPoapPersona implements Persona {
  static final Pattern MD5_LINE = Pattern.compile("^#md5sum=\"([0-9a-fA-F]{32})\"\\s*$");
  private static final Pattern OPTION =
      Pattern.compile("[\"']([a-z_]+)[\"']\\s*:\\s*(?:[\"']([^\"']*)[\"']|(True|False|\\d+))");

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
  public void provision(DeviceRun run) throws StepFailure, InterruptedException {
    long lease = run.lease().leaseSeconds();
    if (lease >= 0 && lease < 3600) {
      run.note("dhcp", "lease of " + lease + " s is shorter than the 3600 s POAP asks for");
    }
    String name = run.lease().text(67);
    if (name == null || name.isBlank()) name = run.lease().file();
    if (name == null || name.isBlank()) {
      throw StepFailure.retry("dhcp", "no option 67: no POAP script to run");
    }
    URI scriptUrl = Files.url("tftp", run.fileServer(), null, name.trim());
    byte[] raw = run.fetch("poap-script", scriptUrl);
    verifyScript(run, raw);
    String script = Files.text(raw);
    Map<String, String> o = options(script);
    URI report = ScriptRunner.reportUrl(script);
    if (report != null) run.reporter().url(report);
    run.progress("poap", "script verified, running it");

    String protocol = o.getOrDefault("transfer_protocol", "tftp").toLowerCase(Locale.ROOT);
    if (protocol.equals("scp")) protocol = "sftp"; // the same SSH server for the simulator
    String server = o.getOrDefault("hostname", run.fileServer());
    boolean md5 = !"true".equalsIgnoreCase(o.getOrDefault("disable_md5", "false"));

    String image = o.get("target_system_image");
    if (image != null && !image.isBlank()) {
      URI url = url(protocol, server, o, o.getOrDefault("target_image_path", "/"), image);
      fetchChecked(run, "image", url, md5, true);
    }
    String configName =
        switch (o.getOrDefault("mode", "serial_number").toLowerCase(Locale.ROOT)) {
          case "mac" -> "conf_" + run.spec().macHex().toUpperCase(Locale.ROOT) + ".cfg";
          case "hostname" -> "conf_" + o.getOrDefault("device_hostname", run.spec().id()) + ".cfg";
          default -> "conf." + run.spec().serial();
        };
    URI configUrl = url(protocol, server, o, o.getOrDefault("config_path", "/"), configName);
    byte[] config = fetchChecked(run, "config", configUrl, md5, false);
    run.configLoaded(vendor(), Files.text(config));
    run.reporter().send("applied", "conf_min", "configuration " + configName + " applied");
  }

  /** The {@code #md5sum} line check POAP makes before running a script. */
  static void verifyScript(DeviceRun run, byte[] raw) throws StepFailure {
    String text = Files.text(raw);
    String[] lines = text.split("\n", -1);
    int at = -1;
    String hex = null;
    for (int i = 0; i < Math.min(lines.length, 3) && at < 0; i++) {
      Matcher m = MD5_LINE.matcher(lines[i].replace("\r", ""));
      if (m.matches()) {
        at = i;
        hex = m.group(1);
      }
    }
    if (at < 0) {
      throw StepFailure.retry("poap-script", "POAP script has no #md5sum=\"...\" line");
    }
    StringBuilder rest = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i == at) continue;
      rest.append(lines[i]);
      if (i < lines.length - 1) rest.append('\n');
    }
    run.verify("poap-script", rest.toString().getBytes(StandardCharsets.UTF_8), "MD5", hex);
  }

  private static byte[] fetchChecked(
      DeviceRun run, String what, URI url, boolean md5, boolean image)
      throws StepFailure, InterruptedException {
    if (image) {
      String running = run.spec().version();
      if (running != null && url.getPath().contains(running)) {
        run.progress("image", "running " + running + " already: install skipped");
        return null;
      }
      run.progress("image", "installing " + url.getPath());
    }
    byte[] b = run.fetch(what, url);
    if (md5) {
      byte[] sum = run.fetchIfPresent(what + ".md5", URI.create(url + ".md5"));
      if (sum != null) {
        run.verify(what, b, "MD5", Files.firstWord(Files.text(sum)));
      } else {
        run.note(what, "no " + url.getPath() + ".md5 on the server: not checked");
      }
    }
    return b;
  }

  private static URI url(
      String protocol, String server, Map<String, String> o, String dir, String name) {
    String path = (dir.endsWith("/") ? dir : dir + "/") + name;
    if (protocol.equals("tftp") || protocol.equals("http")) {
      return Files.url(protocol, server, o.get("port"), path);
    }
    String user = o.getOrDefault("username", "anonymous");
    String pass = o.getOrDefault("password", "");
    String port = o.get("port") == null ? "" : ":" + o.get("port");
    return URI.create(protocol + "://" + user + ":" + pass + "@" + server + port + path);
  }

  /** The POAP {@code options} entries ({@code "key": "value"} pairs) of a script. */
  static Map<String, String> options(String script) {
    Map<String, String> o = new LinkedHashMap<>();
    Matcher m = OPTION.matcher(script);
    while (m.find()) o.putIfAbsent(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
    return o;
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
