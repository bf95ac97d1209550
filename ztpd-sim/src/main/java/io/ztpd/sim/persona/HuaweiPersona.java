package io.ztpd.sim.persona;

import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.Reboot;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.dhcp.ClientOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Huawei ZTP without a controller (seed 000): option 60 {@code HUAWEI <model>}; option 66 is the
 * intermediate file server (an address — TFTP — or a {@code sftp|ftp|http|tftp://} URL) and option
 * 67 the intermediate file. Its first line {@code #sha256sum="<hex>"} is checked against the rest.
 * An INI file lists the devices ({@code ESN}, {@code MAC}, {@code SYSTEM-SOFTWARE}, {@code
 * SYSTEM-CONFIG}, {@code SYSTEM-PAT}) under a {@code FILESERVER}; a Python one ({@code DEVICES},
 * {@code FILE_SERVER}, {@code REPORT_URL}) also checks the software's SHA256 and reports each step.
 * The device finds itself by ESN, else MAC, fetches its files and sets them for the next startup.
 * Option 143 (SZTP) and 148 (controller) mean other modes, not simulated here.
 */
public final class HuaweiPersona implements Persona {
  private static final Pattern PY_ENTRY = Pattern.compile("\\{[^{}]*\"device\"[^{}]*\\}");

  @Override
  public String id() {
    return "huawei";
  }

  @Override
  public String vendor() {
    return "huawei";
  }

  @Override
  public ClientOptions dhcpOptions(DeviceSpec d) {
    return new ClientOptions()
        .text(60, "HUAWEI " + d.model())
        .requestList(1, 3, 6, 15, 43, 51, 66, 67, 143, 148, 150)
        .maxMessageSize(1500);
  }

  @Override
  public void provision(DeviceRun run) throws StepFailure, InterruptedException, Reboot {
    if (run.lease().has(143)) {
      throw StepFailure.fatal("dhcp", "option 143: SZTP mode is not simulated");
    }
    if (run.lease().has(148)) {
      throw StepFailure.fatal("dhcp", "option 148: controller (NETCONF) mode is not simulated");
    }
    String server = run.lease().text(66);
    String file = run.lease().text(67);
    if (file == null || file.isBlank()) {
      throw StepFailure.retry("dhcp", "no option 67: no intermediate file");
    }
    if (server == null || server.isBlank()) server = run.lease().serverId();
    URI url =
        file.contains("://")
            ? URI.create(file.trim())
            : server.contains("://")
                ? under(server.trim(), file.trim())
                : Files.url("tftp", server.trim(), null, file.trim());
    HuaweiIni ini = HuaweiIni.parse(Files.text(run.fetch("intermediate", url)));
    if (ini.checksum() == null) {
      throw StepFailure.retry("intermediate", "intermediate file has no #sha256sum line");
    }
    run.verify(
        "intermediate", ini.body().getBytes(StandardCharsets.UTF_8), "SHA-256", ini.checksum());
    if (file.toLowerCase(Locale.ROOT).endsWith(".py")) {
      python(run, ini.body());
    } else {
      ini(run, ini, url);
    }
  }

  private void ini(DeviceRun run, HuaweiIni ini, URI url) throws StepFailure, InterruptedException {
    DeviceSpec d = run.spec();
    Map<String, String> mine = ini.find(d.serial(), d.macHuawei(), d.macHex());
    if (mine == null) {
      throw StepFailure.retry(
          "intermediate", "no section for ESN " + d.serial() + " / MAC " + d.macHuawei());
    }
    String fileServer = ini.global().get("FILESERVER");
    if (fileServer == null) fileServer = url.getScheme() + "://" + url.getAuthority();
    String software = mine.get("SYSTEM-SOFTWARE");
    if (software != null && !software.isBlank()) {
      run.installImage("image", under(fileServer, software), null, null, null);
    }
    String patch = mine.get("SYSTEM-PAT");
    if (patch != null && !patch.isBlank()) run.fetch("patch", under(fileServer, patch));
    String config = mine.get("SYSTEM-CONFIG");
    if (config == null || config.isBlank()) {
      throw StepFailure.retry("intermediate", "the device's section names no SYSTEM-CONFIG");
    }
    run.configLoaded(vendor(), Files.text(run.fetch("config", under(fileServer, config))));
    run.note("config", "next startup configuration " + config);
  }

  /** What ztpd's Python intermediate file does (huawei/ztp.py). */
  private void python(DeviceRun run, String script) throws StepFailure, InterruptedException {
    Map<String, String> vars = ScriptVars.of(script);
    ScriptRunner.reportAs(run, script);
    String fileServer = vars.get("FILE_SERVER");
    DeviceSpec d = run.spec();
    Map<String, String> entry = find(script, d.serial(), d.macHuawei());
    if (entry == null || fileServer == null) {
      String why = "ESN " + d.serial() + " / MAC " + d.macHuawei() + " is not in this file";
      run.reporter().send("failed", "start", why);
      throw StepFailure.retry("start", why);
    }
    run.reporter().device(entry.get("device"));
    String step = "start";
    try {
      run.progress(step, "intermediate file matched ESN " + d.serial());
      if (entry.get("software") != null) {
        step = "image";
        run.installImage(
            step,
            under(fileServer, entry.get("software")),
            null,
            "SHA-256",
            entry.get("software_sha256"));
      }
      if (entry.get("patch") != null) {
        step = "patch";
        run.fetch(step, under(fileServer, entry.get("patch")));
      }
      step = "config";
      run.configLoaded(
          vendor(), Files.text(run.fetch(step, under(fileServer, entry.get("config")))));
      run.reporter().send("done", "ztp", "files set for the next startup; rebooting");
    } catch (StepFailure f) {
      run.reporter().send("failed", step, f.getMessage());
      throw f;
    }
  }

  /** The script's {@code DEVICES} entry for this device: by ESN first, else by MAC. */
  static Map<String, String> find(String script, String esn, String mac) {
    List<Map<String, String>> entries = new ArrayList<>();
    Matcher m = PY_ENTRY.matcher(script);
    while (m.find()) entries.add(ScriptVars.dict(m.group()));
    for (Map<String, String> e : entries) if (esn.equals(e.get("esn"))) return e;
    for (Map<String, String> e : entries) if (mac.equalsIgnoreCase(e.get("mac"))) return e;
    return null;
  }

  private static URI under(String fileServer, String name) {
    if (name.contains("://")) return URI.create(name);
    return URI.create(fileServer.replaceAll("/+$", "") + "/" + name.replaceAll("^/+", ""));
  }

  @Override
  public boolean checksums() {
    return true;
  }

  /** ztpd revokes a Huawei device's files once it reports a failure, until an operator reset. */
  @Override
  public boolean failureIsFinal() {
    return true;
  }

  @Override
  public Hardware hardware() {
    return new Hardware(
        List.of("CE6881-48S6CQ", "S5735-L48T4X", "CE6857-48S6CQ"),
        "2102351931P0K3",
        6,
        "V200R022C00");
  }
}
