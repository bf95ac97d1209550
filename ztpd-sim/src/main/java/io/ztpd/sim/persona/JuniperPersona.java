package io.ztpd.sim.persona;

import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.Reboot;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.dhcp.ClientOptions;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Junos ZTP (seed 002): option 60 {@code Juniper-<model>-<serial>}; from the answer, option 43
 * sub-options 00 image, 01 configuration (a script when it starts with {@code #!}), 02 symlink, 03
 * transfer mode (default tftp), 04 alternate image, 05 HTTP port; the file server is option 150,
 * else 66. An image whose name shows the running version is not installed again.
 */
public final class JuniperPersona implements Persona {
  @Override
  public String id() {
    return "juniper";
  }

  @Override
  public String vendor() {
    return "juniper";
  }

  @Override
  public ClientOptions dhcpOptions(DeviceSpec d) {
    return new ClientOptions()
        .text(60, "Juniper-" + d.model() + "-" + d.serial())
        .requestList(1, 3, 6, 7, 12, 15, 42, 43, 51, 66, 67, 150)
        .maxMessageSize(1500);
  }

  @Override
  public void provision(DeviceRun run) throws StepFailure, InterruptedException, Reboot {
    Map<Integer, String> sub = Files.option43(run);
    String config = sub.get(1);
    if (config == null) {
      throw StepFailure.retry("dhcp", "no configuration file in option 43 sub-option 01");
    }
    String mode = sub.getOrDefault(3, "tftp");
    String server = run.fileServer();
    String port = mode.equalsIgnoreCase("http") ? sub.get(5) : null;
    String image = sub.containsKey(0) ? sub.get(0) : sub.get(4);
    if (image != null && Files.image(run, Files.url(mode, server, port, image))) {
      throw new Reboot("rebooting into the new image; ZTP continues after the reboot");
    }
    URI url = Files.url(mode, server, port, config);
    String text = Files.text(run.fetch("config", url));
    if (text.startsWith("#!")) {
      ScriptRunner.run(run, vendor(), text); // Junos runs an op / shell script instead
    } else {
      run.accept("config", config); // a commit that fails: ZTP starts over, silently
      run.configLoaded(vendor(), text);
      run.note("config", "committed " + url);
    }
  }

  @Override
  public boolean checksums() {
    return true; // images are checked against their .md5 companion
  }

  @Override
  public Hardware hardware() {
    return new Hardware(List.of("EX4300-48T", "QFX5120-48Y", "EX2300-24T"), "JN", 10, "21.4R3");
  }
}
