package io.ztpd.sim.persona;

import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.Reboot;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.dhcp.ClientOptions;
import java.util.List;
import java.util.Map;

/**
 * HPE Aruba AOS-CX ZTP: option 60 {@code Aruba <model>}; option 43 sub-options 144 (configuration
 * file) and 145 (image file) on the TFTP server of option 66 (else 150). The image is installed
 * unless its name shows the running version; the configuration becomes the startup-config.
 */
public final class ArubaCxPersona implements Persona {
  @Override
  public String id() {
    return "aruba-cx";
  }

  @Override
  public String vendor() {
    return "aruba-cx";
  }

  @Override
  public ClientOptions dhcpOptions(DeviceSpec d) {
    return new ClientOptions()
        .text(60, "Aruba " + d.model())
        .requestList(1, 3, 6, 12, 15, 42, 43, 51, 66, 67, 150)
        .maxMessageSize(1500);
  }

  @Override
  public void provision(DeviceRun run) throws StepFailure, InterruptedException, Reboot {
    Map<Integer, String> sub = Files.option43(run);
    String config = sub.get(144);
    if (config == null)
      throw StepFailure.retry("dhcp", "no configuration file in option 43 sub-option 144");
    String server = run.lease().text(66);
    if (server == null || server.isBlank()) server = run.fileServer();
    String image = sub.get(145);
    if (image != null && Files.image(run, Files.url("tftp", server.trim(), null, image))) {
      throw new Reboot("rebooting into the new image; ZTP runs again");
    }
    byte[] b = run.fetch("config", Files.url("tftp", server.trim(), null, config));
    run.accept("config", config); // a rejected configuration: ZTP starts over, silently
    run.configLoaded(vendor(), Files.text(b));
  }

  @Override
  public boolean checksums() {
    return true; // images against their .md5 companion
  }

  @Override
  public Hardware hardware() {
    return new Hardware(List.of("8325-48Y8C", "6300M-48G", "8360-32Y4C"), "SG", 8, "10.10.1000");
  }
}
