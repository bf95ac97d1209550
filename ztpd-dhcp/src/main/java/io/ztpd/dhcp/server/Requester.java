package io.ztpd.dhcp.server;

import io.ztpd.core.inventory.DeviceDirectory;
import io.ztpd.core.inventory.DeviceDirectory.UnknownDecision;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.dhcp.alloc.Client;
import io.ztpd.dhcp.wire.DhcpOption;
import io.ztpd.dhcp.wire.DhcpPacket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Who sent a request: the keys it presents (MAC, 61, 60, relay port), the vendor profile that
 * recognised it, and the inventory device — or the unknown-device decision.
 *
 * @param identity keys for matching and events
 * @param profile the profile whose options it gets (the device's vendor, else the classifier's), or
 *     null when no profile recognised it
 * @param device the inventory device, null for an unknown device
 * @param pendingId the pending-queue id of an unknown device that is served, else null
 * @param ignoreReason non-null when the policy says not to answer
 * @param client the allocation key
 */
record Requester(
    Identity identity,
    VendorProfile profile,
    Device device,
    String pendingId,
    String ignoreReason,
    Client client) {

  static Requester identify(DhcpPacket p, List<VendorProfile> profiles, DeviceDirectory directory) {
    String mac = p.mac();
    byte[] cid = p.optionBytes(DhcpOption.CLIENT_ID);
    Identity base =
        new Identity(
            mac,
            null,
            cid == null ? null : text(cid),
            p.optionText(DhcpOption.VENDOR_CLASS).orElse(null),
            null,
            null,
            p.relaySubOption(DhcpOption.RELAY_CIRCUIT_ID).map(Requester::text).orElse(null),
            p.relaySubOption(DhcpOption.RELAY_REMOTE_ID).map(Requester::text).orElse(null),
            p.giaddr(),
            p.ciaddr() == 0 ? null : io.ztpd.core.util.Ipv4.format(p.ciaddr()));
    VendorProfile classified = null;
    Identity identity = base;
    for (VendorProfile profile : profiles) {
      Optional<Identity> found = profile.classify(p);
      if (found.isPresent()) {
        classified = profile;
        identity = found.get().merge(base);
        break;
      }
    }
    Device device = directory.match(identity).orElse(null);
    String pending = null;
    String ignore = null;
    if (device == null) {
      switch (directory.unknown(identity, "dhcp")) {
        case UnknownDecision.Hold h -> pending = h.pendingId();
        case UnknownDecision.Ignore i -> ignore = i.reason();
        case UnknownDecision.Adopted a -> device = a.device();
      }
    }
    VendorProfile profile = classified;
    if (device != null && device.vendor() != null) {
      for (VendorProfile v : profiles) if (v.id().equals(device.vendor())) profile = v;
    }
    Client client =
        new Client(
            mac,
            cid == null ? null : HexFormat.of().formatHex(cid),
            device == null ? null : device.id(),
            device == null ? null : device.hostname());
    return new Requester(identity, profile, device, pending, ignore, client);
  }

  /**
   * Option bytes as text when printable ASCII (after a leading 0x00 type octet, as NX-OS sends),
   * else colon-separated hex.
   */
  static String text(byte[] b) {
    int from = b.length > 1 && b[0] == 0 ? 1 : 0;
    boolean printable = b.length > from;
    for (int i = from; i < b.length && printable; i++) printable = b[i] >= 0x20 && b[i] < 0x7f;
    if (printable) return new String(b, from, b.length - from, StandardCharsets.US_ASCII);
    return HexFormat.ofDelimiter(":").formatHex(b);
  }

  String deviceId() {
    return device == null ? null : device.id();
  }
}
