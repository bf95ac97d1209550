package io.ztpd.vendors.cisco;

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
 * Cisco Plug and Play. Recognised by option 60 {@code ciscopnp}; the model comes from option 124
 * (enterprise 9) when present.
 *
 * <p>Sends option 43 as the ASCII string {@code 5A1N;K4;B2;I<server-ip>;J<http-port>} ({@code K5}
 * and the HTTPS port when {@code pnp_https} is set and ztpd serves HTTPS).
 *
 * <p>Variables: {@code pnp_https} (flag).
 */
public final class CiscoPnpProfile implements VendorProfile {
  @Override
  public String id() {
    return "cisco-pnp";
  }

  @Override
  public Optional<Identity> classify(DhcpRequestView request) {
    String vc = Requests.text(request, 60);
    if (vc == null || !vc.equalsIgnoreCase("ciscopnp")) return Optional.empty();
    return Optional.of(Requests.identity(id(), null, Requests.vendorClassData(request, 9), vc));
  }

  /** The option 43 string a PnP agent parses. */
  public static String option43(Device device, Site site, ServerContext server) {
    boolean https = Vars.flag(device, site, "pnp_https") && server.httpsPort() > 0;
    return "5A1N;"
        + (https ? "K5" : "K4")
        + ";B2;I"
        + server.serverIp()
        + ";J"
        + (https ? server.httpsPort() : server.httpPort());
  }

  @Override
  public void addDhcpOptions(
      Device device,
      Site site,
      DhcpRequestView request,
      ServerContext server,
      DhcpReplyOptions out) {
    out.putText(43, option43(device, site, server));
  }

  /** Serial read and final push over SSH: see {@link CiscoCli}. */
  @Override
  public Optional<io.ztpd.core.vendor.CliDialect> cli() {
    return Optional.of(CiscoCli.IOS_XE);
  }
}
