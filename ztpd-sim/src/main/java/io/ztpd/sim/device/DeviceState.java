package io.ztpd.sim.device;

/**
 * What a device keeps across ZTP attempts and reboots: the software it runs, the image it last
 * installed (a device re-running ZTP on its new image does not install the same image again), and
 * the configuration it runs (a configuration applied to the running config survives a session that
 * broke off afterwards).
 */
public final class DeviceState {
  private volatile String version;
  private volatile String installedImageSha256;
  private volatile String vendor;
  private volatile String config;

  public DeviceState(String version) {
    this.version = version;
  }

  public String version() {
    return version;
  }

  public String installedImageSha256() {
    return installedImageSha256;
  }

  void configured(String vendor, String config) {
    this.vendor = vendor;
    this.config = config;
  }

  /**
   * The configuration the device runs (null before any was loaded), in {@link #vendor}'s syntax.
   */
  public String config() {
    return config;
  }

  public String vendor() {
    return vendor;
  }

  /** The device installed an image; after its reboot it runs {@code newVersion} (when known). */
  void installed(String sha256, String newVersion) {
    this.installedImageSha256 = sha256;
    if (newVersion != null && !newVersion.isBlank()) this.version = newVersion;
  }
}
