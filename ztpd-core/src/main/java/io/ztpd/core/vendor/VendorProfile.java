package io.ztpd.core.vendor;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import java.util.Optional;

/**
 * One vendor ZTP flow: how to recognise its devices, what they need in DHCP, and the files their
 * flow fetches. Implementations live in ztpd-vendors; a new vendor is one profile plus its
 * templates, a simulator persona and a test.
 */
public interface VendorProfile {
  /** "juniper", "cisco-iosxe", "cisco-nxos", "cisco-pnp", "huawei", "arista", "sonic", ... */
  String id();

  /**
   * Whether the request comes from this vendor's ZTP client; if so, the identity keys it carries
   * (serial, model, vendor = {@link #id()}). Only options 60 / 61 / 77 / 124 / 125 are read.
   */
  Optional<Identity> classify(DhcpRequestView request);

  /**
   * Adds this vendor's options for {@code device} (null for an unknown device held in the queue) to
   * an OFFER / ACK, after the server put the common ones (1, 3, 6, 15, 51, 54).
   */
  void addDhcpOptions(
      Device device,
      Site site,
      DhcpRequestView request,
      ServerContext server,
      DhcpReplyOptions out);

  /**
   * How to log in to this vendor's devices over SSH to read the serial and push the final
   * configuration; empty when ztpd has no command-line dialect for the vendor.
   */
  default Optional<CliDialect> cli() {
    return Optional.empty();
  }

  /**
   * The file of this flow at {@code path} (already stripped of leading slashes and of {@code ztp/};
   * the same over TFTP, HTTP, FTP and SFTP), or empty when the path is not this flow's — then the
   * next profile is asked, and last the static file root. Every file name this profile puts into
   * DHCP options must resolve here (or to {@code config/}, {@code images/}, {@code files/}).
   *
   * @param device the requester as the resolver knows it (hints such as SONiC's {@code
   *     SERIAL-NUMBER}, else its lease), null when unknown; a path that names its device ({@code
   *     conf.<serial>}) is looked up through {@code ctx} instead
   */
  default Optional<Made> artifact(String path, Device device, ArtifactContext ctx) {
    return Optional.empty();
  }

  /**
   * Whether a failed device of this vendor loses its artifacts until an operator reset (Huawei: the
   * device rolls back and restarts ZTP; serving it the same files again would loop).
   */
  default boolean revokesArtifactsOnFailure() {
    return false;
  }
}
