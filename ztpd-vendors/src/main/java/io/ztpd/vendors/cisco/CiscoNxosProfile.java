package io.ztpd.vendors.cisco;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.vendor.ArtifactContext;
import io.ztpd.core.vendor.DhcpReplyOptions;
import io.ztpd.core.vendor.DhcpRequestView;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.vendors.Requests;
import io.ztpd.vendors.Vars;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Cisco NX-OS POAP. Recognised by option 77 {@code Cisco-POAP}; option 61 is 0x00 then the serial.
 *
 * <p>Sends 66 and 150 = ztpd, 67 = the POAP script, and raises the lease (51) to at least 3600 s as
 * POAP asks.
 *
 * <p>Files ({@link Poap}): {@code poap.py} (the script, with its {@code #md5sum} line), {@code
 * poap/conf.<serial>} or {@code poap/conf_<MAC>.cfg} and their {@code .md5}, {@code images/<name>}
 * and {@code images/<name>.md5}.
 *
 * <p>Variables: {@code poap_script} (default {@code poap.py}; a full {@code http://…/ztp/…} URL
 * works on releases that fetch it over HTTP), {@code poap_config_name} ({@code serial_number} |
 * {@code mac}: which configuration name the script asks for).
 */
public final class CiscoNxosProfile implements VendorProfile {
  static final int MIN_LEASE = 3600;

  @Override
  public String id() {
    return "cisco-nxos";
  }

  @Override
  public Optional<Identity> classify(DhcpRequestView request) {
    String uc = Requests.text(request, 77);
    if (uc == null || !uc.contains("Cisco-POAP")) return Optional.empty();
    String serial = null;
    Optional<byte[]> cid = request.option(61);
    if (cid.isPresent() && cid.get().length > 1 && cid.get()[0] == 0) {
      serial =
          new String(
              cid.get(), 1, cid.get().length - 1, java.nio.charset.StandardCharsets.US_ASCII);
    }
    return Optional.of(Requests.identity(id(), serial, null, Requests.text(request, 60)));
  }

  @Override
  public Optional<Made> artifact(String path, Device device, ArtifactContext ctx) {
    return Poap.make(path, device, ctx);
  }

  @Override
  public void addDhcpOptions(
      Device device,
      Site site,
      DhcpRequestView request,
      ServerContext server,
      DhcpReplyOptions out) {
    out.putText(66, server.serverIp());
    out.putAddress(150, server.serverIp());
    out.putText(67, Vars.text(device, site, "poap_script", Poap.SCRIPT));
    byte[] lease = out.get(51);
    if (lease != null && lease.length == 4 && ByteBuffer.wrap(lease).getInt() < MIN_LEASE) {
      out.putInt(51, MIN_LEASE);
    }
  }

  /** Serial read and final push over SSH: see {@link CiscoCli}. */
  @Override
  public Optional<io.ztpd.core.vendor.CliDialect> cli() {
    return Optional.of(CiscoCli.NX_OS);
  }
}
