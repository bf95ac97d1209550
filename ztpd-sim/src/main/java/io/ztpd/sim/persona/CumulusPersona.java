package io.ztpd.sim.persona;

import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.Reboot;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.dhcp.ClientOptions;
import java.net.URI;
import java.util.List;

/**
 * Cumulus Linux ZTP: option 60 {@code cumulus-linux x86_64}; option 239 is the provisioning script
 * URL, fetched with Cumulus's {@code CUMULUS-*} headers. A script without the {@code
 * CUMULUS-AUTOPROVISIONING} marker is refused, as Cumulus does; a marked one runs (see {@link
 * ScriptRunner}).
 */
public final class CumulusPersona implements Persona {
  static final String MARKER = "CUMULUS-AUTOPROVISIONING";

  @Override
  public String id() {
    return "cumulus";
  }

  @Override
  public String vendor() {
    return "cumulus";
  }

  @Override
  public ClientOptions dhcpOptions(DeviceSpec d) {
    return new ClientOptions()
        .text(60, "cumulus-linux x86_64")
        .requestList(1, 3, 6, 12, 15, 42, 51, 66, 67, 239)
        .maxMessageSize(1500);
  }

  @Override
  public void provision(DeviceRun run) throws StepFailure, InterruptedException, Reboot {
    DeviceSpec d = run.spec();
    run.files()
        .header("CUMULUS-ARCH", "x86_64")
        .header("CUMULUS-BUILD", d.version())
        .header("CUMULUS-MANUFACTURER", "Mellanox")
        .header("CUMULUS-PRODUCTNAME", d.model())
        .header("CUMULUS-SERIAL", d.serial())
        .header("CUMULUS-BASE-MAC", d.mac().toUpperCase(java.util.Locale.ROOT))
        .header("CUMULUS-VERSION", d.version());
    String url = run.lease().text(239);
    if (url == null || url.isBlank())
      throw StepFailure.retry("dhcp", "no option 239: no ZTP script");
    String script = Files.text(run.fetch("script", URI.create(url.trim())));
    if (!script.contains(MARKER)) {
      throw StepFailure.retry("script", "the script lacks the " + MARKER + " marker: not run");
    }
    run.accept("script", url.trim()); // it fails before its first report: ZTP runs again, silently
    ScriptRunner.run(run, vendor(), script);
  }

  @Override
  public boolean checksums() {
    return false;
  }

  @Override
  public boolean fileFaults() {
    return true; // a script that fails before it reports
  }

  @Override
  public Hardware hardware() {
    return new Hardware(List.of("SN2410", "SN2700", "SN3700"), "MT", 10, "5.9.1");
  }
}
