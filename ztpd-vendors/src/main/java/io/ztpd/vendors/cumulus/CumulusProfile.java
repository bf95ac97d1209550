package io.ztpd.vendors.cumulus;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import io.ztpd.core.vendor.DhcpReplyOptions;
import io.ztpd.core.vendor.DhcpRequestView;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.vendors.Requests;
import io.ztpd.vendors.Vars;
import java.util.Optional;

/**
 * Cumulus Linux ZTP. Recognised by option 60 starting with {@code cumulus}.
 *
 * <p>Sends 239 = the provisioning script URL (the script must carry {@code
 * CUMULUS-AUTOPROVISIONING}).
 *
 * <p>Variables: {@code cumulus_script_url} (default {@code <http>/cumulus/ztp.sh}).
 */
public final class CumulusProfile implements VendorProfile {
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
    out.putText(
        239, Vars.text(device, site, "cumulus_script_url", server.httpBase() + "/cumulus/ztp.sh"));
  }

  /** Serial read and final push over SSH: see {@link CumulusCli}. */
  @Override
  public Optional<io.ztpd.core.vendor.CliDialect> cli() {
    return Optional.of(CumulusCli.DIALECT);
  }
}
