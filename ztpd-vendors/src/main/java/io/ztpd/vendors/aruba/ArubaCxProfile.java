package io.ztpd.vendors.aruba;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import io.ztpd.core.vendor.DhcpReplyOptions;
import io.ztpd.core.vendor.DhcpRequestView;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
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
 * <p>Variables: {@code aruba_config_file} (default {@code aruba/<device-id|mac>.cfg}), {@code
 * aruba_image} (default {@code images/<targetImage>}), {@code aruba_proxy}, {@code aruba_central}.
 */
public final class ArubaCxProfile implements VendorProfile {
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
  public void addDhcpOptions(
      Device device,
      Site site,
      DhcpRequestView request,
      ServerContext server,
      DhcpReplyOptions out) {
    String image = Vars.text(device, site, "aruba_image");
    if (image == null && device != null && device.targetImage() != null) {
      image = "images/" + device.targetImage();
    }
    Tlv sub =
        new Tlv()
            .add(
                144,
                Vars.text(
                    device,
                    site,
                    "aruba_config_file",
                    "aruba/" + Requests.fileKey(device, request) + ".cfg"))
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
