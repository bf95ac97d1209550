package io.ztpd.vendors.sonic;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.vendor.ArtifactContext;
import io.ztpd.core.vendor.DhcpReplyOptions;
import io.ztpd.core.vendor.DhcpRequestView;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.vendors.Flow;
import io.ztpd.vendors.Requests;
import io.ztpd.vendors.Vars;
import java.util.Optional;

/**
 * SONiC ZTP. Recognised by option 61 {@code SONiC##<product>##<serial>} or option 60 starting with
 * {@code SONiC}.
 *
 * <p>Sends 67 = the {@code ztp.json} URL, and 239 = a provisioning script URL when one is set
 * (SONiC prefers 67 when both are present). The files are {@link SonicFiles}'.
 *
 * <p>Variables: {@code sonic_ztp_json_url} (default {@code <http>/ztp/sonic/ztp.json}), {@code
 * sonic_script_url} (no default), {@code sonic_configdb_template} (a template rendered as the
 * {@code configdb-json} section's {@code config_db.json}; no section when unset).
 */
public final class SonicProfile implements VendorProfile {
  @Override
  public String id() {
    return "sonic";
  }

  @Override
  public Optional<Identity> classify(DhcpRequestView request) {
    String cid = Requests.text(request, 61);
    String vc = Requests.text(request, 60);
    if (cid != null && cid.startsWith("SONiC##")) {
      String[] f = cid.split("##");
      return Optional.of(
          Requests.identity(id(), f.length > 2 ? f[2] : null, f.length > 1 ? f[1] : null, vc));
    }
    if (vc != null && vc.regionMatches(true, 0, "SONiC", 0, 5)) {
      return Optional.of(Requests.identity(id(), null, null, vc));
    }
    return Optional.empty();
  }

  @Override
  public Optional<Made> artifact(String path, Device device, ArtifactContext ctx) {
    String rest = Flow.after(path, SonicFiles.PREFIX);
    return rest == null ? Optional.empty() : Optional.of(SonicFiles.make(rest, device, ctx));
  }

  @Override
  public void addDhcpOptions(
      Device device,
      Site site,
      DhcpRequestView request,
      ServerContext server,
      DhcpReplyOptions out) {
    out.putText(
        67,
        Vars.text(
            device,
            site,
            "sonic_ztp_json_url",
            server.ztpUrl(SonicFiles.PREFIX + SonicFiles.ZTP_JSON)));
    String script = Vars.text(device, site, "sonic_script_url");
    if (script != null) out.putText(239, script);
  }

  /** Serial read and final push over SSH: see {@link SonicCli}. */
  @Override
  public Optional<io.ztpd.core.vendor.CliDialect> cli() {
    return Optional.of(SonicCli.DIALECT);
  }
}
