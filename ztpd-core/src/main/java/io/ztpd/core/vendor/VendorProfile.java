package io.ztpd.core.vendor;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import java.util.Optional;

/**
 * One vendor ZTP flow: how to recognise its devices and what they need. Implementations live in
 * ztpd-vendors; a new vendor is one profile plus its templates, a simulator persona and a test.
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
}
