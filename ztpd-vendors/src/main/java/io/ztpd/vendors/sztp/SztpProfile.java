package io.ztpd.vendors.sztp;

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
import java.util.List;
import java.util.Optional;

/**
 * RFC 8572 Secure ZTP, any vendor. Recognised by a parameter request list (55) that asks for option
 * 143 — the one signal RFC 8572 gives — or option 60 containing {@code sztp}. Keep it last in the
 * profile order: vendor profiles that also speak SZTP (Huawei) come first.
 *
 * <p>Sends option 143: each bootstrap-server URI as a 2-octet length and the URI.
 *
 * <p>Variables: {@code sztp_bootstrap_uris} (list or comma-separated; default ztpd's RESTCONF root
 * {@code https://<ip>:<https-port>/restconf}, or http when HTTPS is off).
 */
public final class SztpProfile implements VendorProfile {
  @Override
  public String id() {
    return "sztp";
  }

  @Override
  public Optional<Identity> classify(DhcpRequestView request) {
    String vc = Requests.text(request, 60);
    boolean asks = request.requested(143);
    if (!asks && (vc == null || !vc.toLowerCase().contains("sztp"))) return Optional.empty();
    return Optional.of(Requests.identity(id(), null, null, vc));
  }

  /** The bootstrap server URIs for this device. */
  public static List<String> bootstrapUris(Device device, Site site, ServerContext server) {
    List<String> uris = Vars.list(device, site, "sztp_bootstrap_uris");
    if (!uris.isEmpty()) return uris;
    return List.of((server.httpsPort() > 0 ? server.httpsBase() : server.httpBase()) + "/restconf");
  }

  @Override
  public void addDhcpOptions(
      Device device,
      Site site,
      DhcpRequestView request,
      ServerContext server,
      DhcpReplyOptions out) {
    out.put(143, Tlv.uriList(bootstrapUris(device, site, server)));
  }
}
