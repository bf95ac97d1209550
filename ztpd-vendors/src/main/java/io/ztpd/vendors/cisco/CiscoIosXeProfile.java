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
import io.ztpd.vendors.Flow;
import io.ztpd.vendors.Requests;
import io.ztpd.vendors.Vars;
import java.util.Optional;

/**
 * Cisco IOS / IOS-XE: AutoInstall (TFTP config files) and Python ZTP (Catalyst 9k guest shell), one
 * profile with a per-device switch. Recognised by option 61 {@code cisco-<mac>-<ifname>}, by option
 * 124 with Cisco's enterprise number 9, or by option 60 starting with {@code cisco} (other than
 * {@code ciscopnp}, which is {@link CiscoPnpProfile}'s when that profile comes first).
 *
 * <p>Python ZTP: 67 = script URL ({@code <http>/ztp/cisco/ztp.py}, a script made for the device
 * known by its lease, see {@link PythonZtp}), 150 = ztpd. AutoInstall: 150 and 66 = ztpd, 67 =
 * {@code <hostname>-confg} (else {@code network-confg} for a device not yet in the inventory), 12
 * hostname; the TFTP files are {@link AutoInstall}'s.
 *
 * <p>Variables: {@code iosxe_ztp_mode} ({@code python} | {@code autoinstall}; default python when
 * the model starts with {@code C9}, else autoinstall), {@code iosxe_script_url} (default {@code
 * <http>/ztp/cisco/ztp.py}), {@code iosxe_config_file} (default {@code <hostname>-confg}, else
 * {@code network-confg}).
 */
public final class CiscoIosXeProfile implements VendorProfile {
  @Override
  public String id() {
    return "cisco-iosxe";
  }

  @Override
  public Optional<Identity> classify(DhcpRequestView request) {
    String model = Requests.vendorClassData(request, 9);
    String cid = Requests.text(request, 61);
    String vc = Requests.text(request, 60);
    boolean ciscoClientId = cid != null && cid.regionMatches(true, 0, "cisco-", 0, 6);
    boolean ciscoVendorClass =
        vc != null && vc.regionMatches(true, 0, "cisco", 0, 5) && !vc.equalsIgnoreCase("ciscopnp");
    if (!ciscoClientId && model == null && !ciscoVendorClass) return Optional.empty();
    // in some boots IOS-XE puts its serial in option 61
    String serial = cid != null && !ciscoClientId && cid.matches("[A-Z0-9]{8,14}") ? cid : null;
    return Optional.of(Requests.identity(id(), serial, model, vc));
  }

  /** Whether this device uses Python ZTP rather than AutoInstall. */
  public static boolean python(Device device, Site site, DhcpRequestView request) {
    String mode = Vars.text(device, site, "iosxe_ztp_mode");
    if (mode != null) return mode.equalsIgnoreCase("python");
    String model =
        device != null && device.model() != null
            ? device.model()
            : Requests.vendorClassData(request, 9);
    return model != null && model.toUpperCase().startsWith("C9");
  }

  @Override
  public Optional<Made> artifact(String path, Device device, ArtifactContext ctx) {
    if (path.equals(PythonZtp.PATH)) {
      return Optional.of(Flow.forRequester(device, d -> PythonZtp.script(d, ctx)));
    }
    return AutoInstall.make(path, device, ctx);
  }

  @Override
  public void addDhcpOptions(
      Device device,
      Site site,
      DhcpRequestView request,
      ServerContext server,
      DhcpReplyOptions out) {
    if (python(device, site, request)) {
      out.putText(67, Vars.text(device, site, "iosxe_script_url", server.ztpUrl(PythonZtp.PATH)));
      out.putAddress(150, server.serverIp());
      return;
    }
    String hostname = device == null ? null : AutoInstall.hostname(device);
    out.putAddress(150, server.serverIp());
    out.putText(66, server.serverIp());
    out.putText(
        67,
        Vars.text(
            device,
            site,
            "iosxe_config_file",
            hostname != null ? hostname + "-confg" : "network-confg"));
    if (hostname != null) out.putText(12, hostname);
  }

  /** Serial read and final push over SSH: see {@link CiscoCli}. */
  @Override
  public Optional<io.ztpd.core.vendor.CliDialect> cli() {
    return Optional.of(CiscoCli.IOS_XE);
  }
}
