package io.ztpd.vendors.cumulus;

import io.ztpd.core.image.Image;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.Artifacts;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.vendor.ArtifactContext;
import io.ztpd.core.vendor.DhcpReplyOptions;
import io.ztpd.core.vendor.DhcpRequestView;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.vendors.Flow;
import io.ztpd.vendors.Requests;
import io.ztpd.vendors.Scripts;
import io.ztpd.vendors.Vars;
import java.util.Map;
import java.util.Optional;

/**
 * Cumulus Linux ZTP. Recognised by option 60 starting with {@code cumulus}.
 *
 * <p>Sends 239 = the provisioning script URL. {@code cumulus/ztp.sh} is a bash script made for the
 * requester (known by its lease), carrying the {@code CUMULUS-AUTOPROVISIONING} marker ZTP insists
 * on: it installs the target image with {@code onie-install} when the switch runs another release,
 * else fetches {@code config/<id>} (the minimal configuration, a script), runs it and reports.
 *
 * <p>Variables: {@code cumulus_script_url} (default {@code <http>/ztp/cumulus/ztp.sh}).
 */
public final class CumulusProfile implements VendorProfile {
  static final String SCRIPT = "cumulus/ztp.sh";

  @Override
  public String id() {
    return "cumulus";
  }

  @Override
  public Optional<Identity> classify(DhcpRequestView request) {
    String vc = Requests.text(request, 60);
    if (vc == null || !vc.regionMatches(true, 0, "cumulus", 0, 7)) return Optional.empty();
    return Optional.of(Requests.identity(id(), null, null, vc));
  }

  @Override
  public void addDhcpOptions(
      Device device,
      Site site,
      DhcpRequestView request,
      ServerContext server,
      DhcpReplyOptions out) {
    out.putText(239, Vars.text(device, site, "cumulus_script_url", server.ztpUrl(SCRIPT)));
  }

  @Override
  public Optional<Made> artifact(String path, Device device, ArtifactContext ctx) {
    if (!path.equals(SCRIPT)) return Optional.empty();
    return Optional.of(Flow.forRequester(device, d -> script(d, ctx)));
  }

  static Made script(Device d, ArtifactContext ctx) {
    return Flow.withTarget(ctx, d, image -> script(d, image, ctx));
  }

  private static Made script(Device d, Optional<Image> target, ArtifactContext ctx) {
    // without a version the script could not tell the image is installed: it would loop
    Optional<Image> image = target.filter(i -> i.version() != null);
    String text =
        Scripts.forDevice(
            SCRIPT,
            d,
            ctx.server(),
            Map.of(
                "IMAGE_URL",
                Scripts.sh(image.map(i -> ctx.server().ztpUrl("images/" + i.name())).orElse("")),
                "IMAGE_VERSION",
                Scripts.sh(image.map(Image::version).orElse(""))));
    return Artifacts.text("ztp.sh", text, "text/x-shellscript", ArtifactKind.BOOTSTRAP, d);
  }

  /** Serial read and final push over SSH: see {@link CumulusCli}. */
  @Override
  public Optional<io.ztpd.core.vendor.CliDialect> cli() {
    return Optional.of(CumulusCli.DIALECT);
  }
}
