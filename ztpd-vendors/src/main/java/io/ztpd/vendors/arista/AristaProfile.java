package io.ztpd.vendors.arista;

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
 * Arista EOS ZTP. Recognised by option 60 {@code Arista;<model>;<hwrev>;<serial>}.
 *
 * <p>Sends 67 = the bootstrap script URL (ZTPServer API {@code GET /bootstrap}).
 *
 * <p>Variables: {@code arista_bootstrap_url} (default {@code <http>/bootstrap}).
 */
public final class AristaProfile implements VendorProfile {
  @Override
  public String id() {
    return "arista";
  }

  @Override
  public Optional<Identity> classify(DhcpRequestView request) {
    String vc = Requests.text(request, 60);
    if (vc == null || !vc.regionMatches(true, 0, "Arista", 0, 6)) return Optional.empty();
    String[] f = vc.split(";");
    return Optional.of(
        Requests.identity(id(), f.length > 3 ? f[3] : null, f.length > 1 ? f[1] : null, vc));
  }

  @Override
  public void addDhcpOptions(
      Device device,
      Site site,
      DhcpRequestView request,
      ServerContext server,
      DhcpReplyOptions out) {
    out.putText(
        67, Vars.text(device, site, "arista_bootstrap_url", server.httpBase() + "/bootstrap"));
  }

  /** Serial read and final push over SSH: see {@link EosCli}. */
  @Override
  public Optional<io.ztpd.core.vendor.CliDialect> cli() {
    return Optional.of(EosCli.DIALECT);
  }
}
