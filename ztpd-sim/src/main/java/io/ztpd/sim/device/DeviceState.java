package io.ztpd.sim.device;

/**
 * What a device keeps across ZTP attempts and reboots: the software it runs and the image it last
 * installed (a device re-running ZTP on its new image does not install the same image again).
 */
public final class DeviceState {
  private volatile String version;
  private volatile String installedImageSha256;

  public DeviceState(String version) {
    this.version = version;
  }

  public String version() {
    return version;
  }

  public String installedImageSha256() {
    return installedImageSha256;
  }

  /** The device installed an image; after its reboot it runs {@code newVersion} (when known). */
  void installed(String sha256, String newVersion) {
    this.installedImageSha256 = sha256;
    if (newVersion != null && !newVersion.isBlank()) this.version = newVersion;
  }
}
