package io.ztpd.sim.persona;

import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.Reboot;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.dhcp.ClientOptions;

/**
 * One vendor flow, from the device's side: the DHCP options its ZTP client sends (byte-exact per
 * PROTOCOLS.md), then what it does with the answer — reading only what the server returned
 * (options, files, scripts, protocol messages), never the server's internals.
 */
public interface Persona {
  /** Persona id, e.g. {@code cisco-pyztp}. */
  String id();

  /** The inventory vendor profile this device is planned with, e.g. {@code cisco-iosxe}. */
  String vendor();

  /** The options of the device's DISCOVER / REQUEST. */
  ClientOptions dhcpOptions(DeviceSpec device);

  /**
   * The flow after the DHCPACK, up to the minimal configuration loaded ({@link
   * DeviceRun#configLoaded}). Throws a {@link StepFailure} when a step fails.
   */
  void provision(DeviceRun run) throws StepFailure, InterruptedException, Reboot;

  /** Whether the flow checks checksums (so checksum faults can be injected). */
  boolean checksums();

  /**
   * Whether the checksum / corrupt faults apply to this flow: a file arrives corrupted, or (flows
   * without checksums) the device rejects a file, see {@link DeviceRun#accept}.
   */
  default boolean fileFaults() {
    return checksums();
  }

  /**
   * Whether a failure the device reported keeps it failed (the server gives it nothing more until
   * an operator reset: Huawei, Cisco PnP), rather than letting the device start over.
   */
  default boolean failureIsFinal() {
    return false;
  }

  /** What a generated device of this persona looks like out of the box. */
  Hardware hardware();

  /**
   * Out-of-the-box facts for generated devices.
   *
   * @param models models to pick from
   * @param serialPrefix fixed start of the serial
   * @param serialDigits random upper-case alphanumerics after the prefix
   * @param version software the device runs before provisioning
   */
  record Hardware(
      java.util.List<String> models, String serialPrefix, int serialDigits, String version) {}
}
