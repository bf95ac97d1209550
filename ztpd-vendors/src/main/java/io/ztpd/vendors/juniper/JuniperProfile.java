package io.ztpd.vendors.juniper;

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
import io.ztpd.vendors.Tlv;
import io.ztpd.vendors.Vars;
import java.util.List;
import java.util.Optional;

/**
 * Juniper Junos ZTP. Recognised by option 60 {@code Juniper-<model>-<serial>}.
 *
 * <p>Sends option 43 sub-options 00 image, 01 configuration file, 02 {@code symlink}, 03 transfer
 * mode, 04 alternate image, 05 HTTP port (http mode), 07 FTP timeout (ftp mode); plus 150 and 66
 * (file server = ztpd), 12 hostname, 42 NTP servers (site), 7 syslog (site, else ztpd when it
 * listens on 514).
 *
 * <p>Files ({@link JuniperFiles}, names relative to the file server, {@code ztp/} so that HTTP
 * finds them too): sub-option 01 = {@code ztp/juniper/<key>.conf} (the minimal configuration) or,
 * in script mode, {@code ztp/juniper/<key>.sh} (a {@code #!/bin/sh} script that loads it and
 * reports to ztpd); sub-option 00 = {@code ztp/juniper/<key>/image.tgz} when the device has a
 * {@code target_image} — a name that stands for whatever image is its target, hence 02 = {@code
 * symlink}. The device skips an image whose version it already runs. {@code <key>} is the device
 * id, or the MAC for a device not yet in the inventory.
 *
 * <p>Variables (device over site): {@code juniper_ztp_mode} ({@code config} | {@code script},
 * default config), {@code juniper_transfer_mode} (http|ftp|tftp, default http when ztpd serves
 * HTTP, else tftp), {@code juniper_config_file} (overrides 01), {@code juniper_image} (overrides
 * 00), {@code juniper_image_symlink} (flag, 02 for an explicit {@code juniper_image}), {@code
 * juniper_alt_image}, {@code juniper_ftp_timeout} (default 300).
 */
public final class JuniperProfile implements VendorProfile {
  @Override
  public String id() {
    return "juniper";
  }

  @Override
  public Optional<Identity> classify(DhcpRequestView request) {
    String vc = Requests.text(request, 60);
    if (vc == null || !vc.regionMatches(true, 0, "Juniper-", 0, 8)) return Optional.empty();
    String rest = vc.substring(8);
    int dash = rest.lastIndexOf('-');
    String model = dash > 0 ? rest.substring(0, dash) : rest;
    String serial = dash > 0 ? rest.substring(dash + 1) : null;
    return Optional.of(Requests.identity(id(), serial, model, vc));
  }

  /** Whether sub-option 01 names the generated script rather than the configuration. */
  static boolean scriptMode(Device device, Site site) {
    return "script".equalsIgnoreCase(Vars.text(device, site, "juniper_ztp_mode", "config"));
  }

  @Override
  public Optional<Made> artifact(String path, Device device, ArtifactContext ctx) {
    String rest = Flow.after(path, JuniperFiles.PREFIX);
    return rest == null ? Optional.empty() : Optional.of(JuniperFiles.make(rest, ctx));
  }

  @Override
  public void addDhcpOptions(
      Device device,
      Site site,
      DhcpRequestView request,
      ServerContext server,
      DhcpReplyOptions out) {
    String mode =
        Vars.text(device, site, "juniper_transfer_mode", server.httpPort() > 0 ? "http" : "tftp");
    String key = Requests.fileKey(device, request);
    String image = Vars.text(device, site, "juniper_image");
    boolean symlink = Vars.flag(device, site, "juniper_image_symlink");
    if (image == null && device != null && device.targetImage() != null) {
      image = "ztp/" + JuniperFiles.PREFIX + key + JuniperFiles.IMAGE_ALIAS;
      symlink = true;
    }
    String configFile =
        "ztp/" + JuniperFiles.PREFIX + key + (scriptMode(device, site) ? ".sh" : ".conf");
    Tlv sub =
        new Tlv()
            .add(0, image)
            .add(1, Vars.text(device, site, "juniper_config_file", configFile))
            .add(2, symlink ? "symlink" : null)
            .add(3, mode)
            .add(4, Vars.text(device, site, "juniper_alt_image"))
            .add(5, mode.equals("http") ? Integer.toString(server.httpPort()) : null)
            .add(
                7,
                mode.equals("ftp") ? Vars.text(device, site, "juniper_ftp_timeout", "300") : null);
    out.put(43, sub.bytes());
    out.putAddress(150, server.serverIp());
    out.putText(66, server.serverIp());
    if (device != null && device.hostname() != null) out.putText(12, device.hostname());
    if (site != null && !site.ntp().isEmpty()) out.putAddresses(42, site.ntp());
    if (site != null && !site.syslog().isEmpty()) {
      out.putAddresses(7, site.syslog());
    } else if (server.syslogPort() == 514) {
      out.putAddresses(7, List.of(server.serverIp()));
    }
  }

  /** Serial read and final push over SSH: see {@link JunosCli}. */
  @Override
  public Optional<io.ztpd.core.vendor.CliDialect> cli() {
    return Optional.of(JunosCli.DIALECT);
  }
}
