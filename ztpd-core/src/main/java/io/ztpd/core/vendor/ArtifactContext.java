package io.ztpd.core.vendor;

import io.ztpd.core.image.Image;
import io.ztpd.core.lease.Lease;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Site;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.provisioning.FetchRequest;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link VendorProfile} may use to make the files of its flow (see {@link
 * VendorProfile#artifact}): rendering, images, the inventory, leases and the server's addresses.
 * One per fetch; implemented in core by {@code io.ztpd.core.provisioning.VendorArtifacts}.
 */
public interface ArtifactContext {
  /** The fetch being answered: protocol, requester address, path, hints (HTTP headers ...). */
  FetchRequest request();

  /** Addresses and ports devices reach ztpd on, for URLs in scripts. */
  ServerContext server();

  /** The device's minimal configuration (its {@code template}, else {@code <vendor>.j2}). */
  Made config(Device device);

  /**
   * The device's final configuration (its {@code final_template}, else {@code <vendor>-final.j2}).
   */
  Made finalConfig(Device device);

  /** Renders any template for the device, with the same variables as its configurations. */
  Made render(Device device, String template, String fileName, ArtifactKind kind);

  /** Whether a template of that name exists in the template directory. */
  boolean hasTemplate(String name);

  /** The image the device should run (device {@code target_image}, else its group's), if any. */
  Optional<Image> targetImage(Device device);

  /**
   * The target image as the inventory names it, whether or not the repository has it: a name
   * without an image is the operator's mistake, which a flow reports rather than skipping the
   * upgrade in silence.
   */
  Optional<String> wantedImage(Device device);

  /** A device named by a path segment: its id, serial or MAC (any spelling). */
  Optional<Device> device(String key);

  /** The device with this hostname (case-insensitive). */
  Optional<Device> deviceByHostname(String hostname);

  /** The devices of a site, ordered by id. */
  List<Device> devicesOfSite(String site);

  /** A site by name. */
  Optional<Site> site(String name);

  /** The device's site, if it names one that exists. */
  Optional<Site> site(Device device);

  /** The site an address belongs to (relay list, then subnet). */
  Optional<Site> siteOf(String ip);

  /** The device's current lease. */
  Optional<Lease> lease(Device device);
}
