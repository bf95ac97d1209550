package io.ztpd.sim.persona;

import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.dhcp.ClientOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Huawei ZTP without a controller (seed 000): option 60 {@code HUAWEI <model>}; option 66 is the
 * intermediate file server (an address — TFTP — or a {@code sftp|ftp|http|tftp://} URL) and option
 * 67 the intermediate file. An INI file is checked against its {@code #sha256sum} line, then the
 * device finds its own section (ESN or MAC) and fetches its system software (unless it runs that
 * version), configuration and patch from {@code FILESERVER}. A {@code .py} intermediate file is
 * checked the same way, then run (see {@link ScriptRunner}). Option 143 (SZTP) or 148 (controller)
 * mean another mode, not simulated here.
 */
public final class HuaweiPersona implements Persona {
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
  public void provision(DeviceRun run) throws StepFailure, InterruptedException {
    if (run.lease().has(143))
      throw StepFailure.fatal("dhcp", "option 143: SZTP mode is not simulated");
    if (run.lease().has(148)) {
      throw StepFailure.fatal(
          "dhcp", "option 148: controller (NETCONF call-home) mode is not simulated");
    }
    String server = run.lease().text(66);
    String file = run.lease().text(67);
    if (file == null || file.isBlank())
      throw StepFailure.retry("dhcp", "no option 67: no intermediate file");
    if (server == null || server.isBlank()) server = run.lease().serverId();
    URI url =
        file.contains("://")
            ? URI.create(file.trim())
            : server.contains("://")
                ? URI.create(server.trim().replaceAll("/+$", "") + "/" + file.trim())
                : Files.url("tftp", server.trim(), null, file.trim());
    String text = Files.text(run.fetch("intermediate", url));
    HuaweiIni ini = HuaweiIni.parse(text);
    if (ini.checksum() == null) {
      throw StepFailure.retry("intermediate", "intermediate file has no #sha256sum line");
    }
    run.verify(
        "intermediate", ini.body().getBytes(StandardCharsets.UTF_8), "SHA-256", ini.checksum());
    if (file.toLowerCase(Locale.ROOT).endsWith(".py")) {
      ScriptRunner.run(run, vendor(), ini.body());
      return;
    }
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
      Files.image(run, under(fileServer, software), null);
    }
    String config = mine.get("SYSTEM-CONFIG");
    if (config == null || config.isBlank()) {
      throw StepFailure.retry("intermediate", "the device's section names no SYSTEM-CONFIG");
    }
    String cfg = Files.text(run.fetch("config", under(fileServer, config)));
    String patch = mine.get("SYSTEM-PAT");
    if (patch != null && !patch.isBlank()) run.fetch("patch", under(fileServer, patch));
    run.configLoaded(vendor(), cfg);
    run.note("config", "startup configuration set to " + config);
  }

  private static URI under(String fileServer, String name) {
    if (name.contains("://")) return URI.create(name);
    return URI.create(fileServer.replaceAll("/+$", "") + "/" + name.replaceAll("^/+", ""));
  }

  @Override
  public boolean checksums() {
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
