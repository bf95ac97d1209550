package io.ztpd.vendors.aruba;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import io.ztpd.core.provisioning.Artifacts;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.vendor.ArtifactContext;
import io.ztpd.core.vendor.DhcpReplyOptions;
import io.ztpd.core.vendor.DhcpRequestView;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.vendors.Flow;
import io.ztpd.vendors.Requests;
import io.ztpd.vendors.Tlv;
import io.ztpd.vendors.Vars;
import java.util.Optional;

/**
 * HPE Aruba AOS-CX ZTP. Recognised by option 60 starting with {@code Aruba} (model = the rest).
 *
 * <p>Sends option 43 sub-options 144 config file, 145 image file, 146 HTTP proxy, 148 Central
 * location (each only when known), and 66 = ztpd as the TFTP server.
 *
 * <p>Files (over TFTP): {@code aruba/<key>.cfg} is the minimal configuration, {@code
 * aruba/<key>.swi} the device's target image; {@code <key>} is the device id, or the MAC for a
 * device not yet in the inventory.
 *
 * <p>Variables: {@code aruba_config_file} (default {@code aruba/<key>.cfg}), {@code aruba_image}
 * (default {@code aruba/<key>.swi} when the device has a {@code target_image}), {@code
 * aruba_proxy}, {@code aruba_central}.
 */
public final class ArubaCxProfile implements VendorProfile {
  static final String PREFIX = "aruba/";

  @Override
  public String id() {
    return "aruba-cx";
  }

  @Override
  public Optional<Identity> classify(DhcpRequestView request) {
    String vc = Requests.text(request, 60);
    if (vc == null || !vc.regionMatches(true, 0, "Aruba", 0, 5)) return Optional.empty();
    String model = vc.substring(5).replaceFirst("^[\\s:;-]+", "").trim();
    return Optional.of(Requests.identity(id(), null, model, vc));
  }

  @Override
  public Optional<Made> artifact(String path, Device device, ArtifactContext ctx) {
    String rest = Flow.after(path, PREFIX);
    if (rest == null) return Optional.empty();
    String key = Flow.key(rest, ".cfg");
    if (key != null) {
      return Optional.of(Flow.forDevice(ctx, key, d -> Artifacts.named(ctx.config(d), rest)));
    }
    key = Flow.key(rest, ".swi");
    if (key != null) {
      return Optional.of(Flow.forDevice(ctx, key, d -> Flow.targetImageFile(ctx, d)));
    }
    return Optional.of(new Made.Missing("no Aruba CX ZTP file '" + path + "'"));
  }

  @Override
  public void addDhcpOptions(
      Device device,
      Site site,
      DhcpRequestView request,
      ServerContext server,
      DhcpReplyOptions out) {
    String key = Requests.fileKey(device, request);
    String image = Vars.text(device, site, "aruba_image");
    if (image == null && device != null && device.targetImage() != null) {
      image = PREFIX + key + ".swi";
    }
    Tlv sub =
        new Tlv()
            .add(144, Vars.text(device, site, "aruba_config_file", PREFIX + key + ".cfg"))
            .add(145, image)
            .add(146, Vars.text(device, site, "aruba_proxy"))
            .add(148, Vars.text(device, site, "aruba_central"));
    out.put(43, sub.bytes());
    out.putText(66, server.serverIp());
  }

  /** Serial read and final push over SSH: see {@link ArubaCxCli}. */
  @Override
  public Optional<io.ztpd.core.vendor.CliDialect> cli() {
    return Optional.of(ArubaCxCli.DIALECT);
  }
}
