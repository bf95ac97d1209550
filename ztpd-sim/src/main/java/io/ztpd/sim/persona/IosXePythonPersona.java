package io.ztpd.sim.persona;

import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.Reboot;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.dhcp.ClientOptions;
import java.net.URI;
import java.util.List;

/**
 * Cisco IOS-XE Python ZTP (Catalyst 9k): option 61 carries the serial (as in some IOS-XE boots) and
 * option 124 Cisco's enterprise number with the product id; option 67 is the URL of a Python script
 * (or a file name on the option 150 TFTP server) that the guest shell runs.
 */
public final class IosXePythonPersona implements Persona {
  @Override
  public String id() {
    return "cisco-pyztp";
  }

  @Override
  public String vendor() {
    return "cisco-iosxe";
  }

  @Override
  public ClientOptions dhcpOptions(DeviceSpec d) {
    return new ClientOptions()
        .text(61, d.serial())
        .vendorClass124(9, d.model())
        .requestList(1, 3, 6, 12, 15, 43, 51, 66, 67, 150)
        .maxMessageSize(1152);
  }

  @Override
  public void provision(DeviceRun run) throws StepFailure, InterruptedException, Reboot {
    String boot = run.lease().text(67);
    if (boot == null || boot.isBlank()) {
      throw StepFailure.retry("dhcp", "no option 67: no ZTP script to run");
    }
    URI url =
        boot.contains("://")
            ? URI.create(boot.trim())
            : Files.url("tftp", run.fileServer(), null, boot.trim());
    String script = Files.text(run.fetch("script", url));
    ScriptRunner.run(run, vendor(), script);
  }

  @Override
  public boolean checksums() {
    return false;
  }

  @Override
  public Hardware hardware() {
    return new Hardware(List.of("C9300-48P", "C9300-24T", "C9200L-48P"), "FOC", 8, "17.9.4");
  }
}
