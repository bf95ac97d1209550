package io.ztpd.core.vendor;

import io.ztpd.core.image.ImageRepository;
import io.ztpd.core.inventory.DeviceDirectory;
import io.ztpd.core.lease.LeaseLookup;
import io.ztpd.core.provisioning.DeviceArtifacts;
import io.ztpd.core.provisioning.ProvisioningResolver;
import io.ztpd.core.timeline.Timeline;

/**
 * The core services a {@link VendorEndpoint} may use; built by the app's wiring.
 *
 * @param directory the inventory: match devices by the keys they present, queue unknown ones
 * @param leases who holds which address (a device known only by its lease)
 * @param artifacts renders a device's configuration (to check it can be made before offering it)
 * @param images the image repository (target images, checksums)
 * @param resolver the one path namespace every protocol fetches from ({@code config/<id>}, {@code
 *     files/...}, {@code images/...}); its answers are delivered and recorded as fetches
 * @param timeline records events (device reports, failures) and tells a device's current state
 * @param server the addresses and ports devices reach ztpd on, for URLs
 */
public record VendorContext(
    DeviceDirectory directory,
    LeaseLookup leases,
    DeviceArtifacts artifacts,
    ImageRepository images,
    ProvisioningResolver resolver,
    Timeline timeline,
    ServerContext server) {}
