package io.ztpd.vendors.huawei;

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
import io.ztpd.vendors.sztp.SztpProfile;
import java.util.Optional;

/**
 * Huawei ZTP (seed 000). Recognised by option 60 containing {@code huawei} (model = the word after
 * it) or option 124 with Huawei's enterprise number 2011.
 *
 * <p>Three modes, first match wins: SZTP (option 143 with the bootstrap URIs), controller (option
 * 148 {@code agilemode=…;agilemanage-mode=…;agilemanage-domain=…;agilemanage-port=…}), else the
 * intermediate file (66 = file server URL {@code http://<ztpd>[:port]}, 67 = {@code
 * ztp/huawei/<site>.ini}, or {@code .py}).
 *
 * <p>Files ({@link HuaweiFiles}): the intermediate file of a site, INI or Python, each with its
 * {@code #sha256sum} first line ({@link IntermediateFile}), listing for every Huawei device of the
 * site its ESN, MAC, type, {@code images/<target image>}, {@code huawei/<id>.cfg} (the minimal
 * configuration) and patch, with {@code FILESERVER=http://<ztpd>[:port]/ztp}. A device whose
 * failure is reported loses its files until an operator reset ({@link #revokesArtifactsOnFailure}).
 *
 * <p>Variables: {@code huawei_sztp} (flag; URIs from {@code sztp_bootstrap_uris}, see {@link
 * SztpProfile}), {@code huawei_controller} ({@code host[:port]}, port default 10020), {@code
 * huawei_agilemode} (default {@code agile-cloud}), {@code huawei_file_server} (option 66, default
 * ztpd's HTTP URL), {@code huawei_intermediate} ({@code ini} | {@code py}, default ini), {@code
 * huawei_intermediate_file} (overrides 67), {@code huawei_deploy_server} (site: the {@code
 * FILESERVER}), {@code huawei_patch} (a patch path relative to it).
 */
public final class HuaweiProfile implements VendorProfile {
  static final long ENTERPRISE = 2011;
  static final String VENDOR = "huawei";
  private final HuaweiFiles files = new HuaweiFiles();

  @Override
  public String id() {
    return VENDOR;
  }

  @Override
  public Optional<Made> artifact(String path, Device device, ArtifactContext ctx) {
    String rest = Flow.after(path, HuaweiFiles.PREFIX);
    return rest == null ? Optional.empty() : Optional.of(files.make(rest, device, ctx));
  }

  /**
   * Huawei rolls back and restarts ZTP after a failure: it gets nothing until an operator reset.
   */
  @Override
  public boolean revokesArtifactsOnFailure() {
    return true;
  }

  @Override
  public Optional<Identity> classify(DhcpRequestView request) {
    String vc = Requests.text(request, 60);
    String data = Requests.vendorClassData(request, ENTERPRISE);
    int at = vc == null ? -1 : vc.toLowerCase().indexOf("huawei");
    if (at < 0 && data == null) return Optional.empty();
    String model = data;
    if (model == null) {
      String rest = vc.substring(at + 6).trim();
      model = rest.isEmpty() ? null : rest.split("[\\s;]+")[0];
    }
    return Optional.of(Requests.identity(id(), null, model, vc));
  }

  @Override
  public void addDhcpOptions(
      Device device,
      Site site,
      DhcpRequestView request,
      ServerContext server,
      DhcpReplyOptions out) {
    if (Vars.flag(device, site, "huawei_sztp")) {
      out.put(143, Tlv.uriList(SztpProfile.bootstrapUris(device, site, server)));
      return;
    }
    String controller = Vars.text(device, site, "huawei_controller");
    if (controller != null) {
      out.putText(
          148, option148(controller, Vars.text(device, site, "huawei_agilemode", "agile-cloud")));
      return;
    }
    out.putText(66, Vars.text(device, site, "huawei_file_server", server.httpBase()));
    String format =
        "py".equalsIgnoreCase(Vars.text(device, site, "huawei_intermediate")) ? ".py" : ".ini";
    out.putText(
        67,
        Vars.text(
            device,
            site,
            "huawei_intermediate_file",
            "ztp/" + HuaweiFiles.PREFIX + (site != null ? site.name() : "ztp") + format));
  }

  /** Option 148 text for a controller at {@code host[:port]}. */
  static String option148(String controller, String agilemode) {
    int colon = controller.lastIndexOf(':');
    String host = colon > 0 ? controller.substring(0, colon) : controller;
    String port = colon > 0 ? controller.substring(colon + 1) : "10020";
    boolean ip = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    return "agilemode="
        + agilemode
        + ";agilemanage-mode="
        + (ip ? "ip" : "domain")
        + ";agilemanage-domain="
        + host
        + ";agilemanage-port="
        + port;
  }

  /** Serial read and final push over SSH: see {@link VrpCli}. */
  @Override
  public Optional<io.ztpd.core.vendor.CliDialect> cli() {
    return Optional.of(VrpCli.DIALECT);
  }
}
