package io.ztpd.vendors.cisco;

import io.ztpd.core.model.Device;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.Artifacts;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.vendor.ArtifactContext;
import io.ztpd.vendors.Flow;
import java.util.Optional;

/**
 * Cisco IOS / IOS-XE AutoInstall over TFTP. A device without a file named in option 67 asks, in
 * order, {@code network-confg} (or {@code cisconet.cfg}) to learn its hostname from the {@code ip
 * host <hostname> <address>} line carrying its own address, then {@code <hostname>-confg} (or
 * {@code <hostname>.cfg}); without a hostname, {@code router-confg} (or {@code ciscortr.cfg}).
 *
 * <p>ztpd knows the requester by its lease, so {@code network-confg} holds the requester's own line
 * and {@code router-confg} its own configuration; {@code <hostname>-confg} is the minimal
 * configuration of the IOS-XE device with that hostname (or id).
 */
final class AutoInstall {
  static final String VENDOR = "cisco-iosxe";

  private AutoInstall() {}

  static Optional<Made> make(String path, Device requester, ArtifactContext ctx) {
    if (path.indexOf('/') >= 0) return Optional.empty();
    return switch (path) {
      case "network-confg", "cisconet.cfg" ->
          Optional.of(Flow.forRequester(requester, d -> networkConfg(d, path, ctx)));
      case "router-confg", "ciscortr.cfg" ->
          Optional.of(Flow.forRequester(requester, d -> Artifacts.named(ctx.config(d), path)));
      default -> hostConfig(path, ctx);
    };
  }

  private static Optional<Made> hostConfig(String path, ArtifactContext ctx) {
    String host = Flow.key(path, "-confg");
    if (host == null) host = Flow.key(path, ".cfg");
    if (host == null) return Optional.empty();
    String h = host;
    return ctx.deviceByHostname(h)
        .or(() -> ctx.device(h))
        .filter(d -> VENDOR.equals(d.vendor()))
        .map(d -> Artifacts.named(ctx.config(d), path));
  }

  /** The hostname AutoInstall will use: the device's hostname, else its id. */
  static String hostname(Device d) {
    return d.hostname() != null && !d.hostname().isBlank() ? d.hostname() : d.id();
  }

  private static Made networkConfg(Device d, String name, ArtifactContext ctx) {
    String ip = ctx.request().requesterIp();
    if (ip == null) ip = ctx.lease(d).map(l -> l.ip()).orElse(d.fixedIp());
    if (ip == null) return new Made.Missing("no address known for " + d.id());
    String text =
        "! ztpd "
            + name
            + ": AutoInstall takes its hostname from the ip host line with its own address,\n"
            + "! then fetches <hostname>-confg.\n"
            + "ip host "
            + hostname(d)
            + " "
            + ip
            + "\nend\n";
    return Artifacts.text(name, text, "text/plain; charset=utf-8", ArtifactKind.BOOTSTRAP, d);
  }
}
