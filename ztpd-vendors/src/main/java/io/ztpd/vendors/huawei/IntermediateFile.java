package io.ztpd.vendors.huawei;

import io.ztpd.core.image.Checksums;
import io.ztpd.core.image.Image;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Mac;
import io.ztpd.core.model.Site;
import io.ztpd.core.vendor.ArtifactContext;
import io.ztpd.vendors.Scripts;
import io.ztpd.vendors.Vars;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Huawei's intermediate files for the devices of a site, in INI or Python form. Both start with
 * {@code #sha256sum="<hex>"}: the SHA256 of the file without its first line (Huawei: "delete the
 * first line, calculate the SHA256 checksum, write #sha256sum= … at the beginning").
 */
final class IntermediateFile {
  private IntermediateFile() {}

  /** What the file says about one device; paths are relative to the file server. */
  record Entry(
      String device,
      String esn,
      String mac,
      String deviceType,
      String software,
      String softwareSha256,
      String config,
      String patch) {}

  /** The Huawei devices of {@code site} that carry a key the device can match (ESN or MAC). */
  static List<Entry> entries(Site site, ArtifactContext ctx) {
    List<Entry> out = new ArrayList<>();
    for (Device d : ctx.devicesOfSite(site.name())) {
      if (!HuaweiProfile.VENDOR.equals(d.vendor())) continue;
      if (d.serial() == null && d.mac() == null) continue;
      // a named image the repository lacks stays in the file: the device's download fails and it
      // reports why, instead of skipping its upgrade in silence
      Image image = ctx.targetImage(d).orElse(null);
      String software = image != null ? image.name() : ctx.wantedImage(d).orElse(null);
      out.add(
          new Entry(
              d.id(),
              d.serial() == null ? "DEFAULT" : d.serial(),
              d.mac() == null ? "DEFAULT" : Mac.huawei(d.mac()),
              d.model() == null ? "DEFAULT" : d.model(),
              software == null ? null : "images/" + software,
              image == null ? null : image.sha256(),
              HuaweiFiles.configPath(d),
              Vars.text(d, site, "huawei_patch")));
    }
    return out;
  }

  /** {@code FILESERVER}: where the devices fetch the files listed. */
  static String fileServer(Site site, ArtifactContext ctx) {
    String url = ctx.server().ztpUrl("");
    return Vars.text(null, site, "huawei_deploy_server", url.substring(0, url.length() - 1));
  }

  static String ini(Site site, ArtifactContext ctx) {
    StringBuilder b = new StringBuilder();
    b.append(";BEGIN ROUTER\n[GLOBAL CONFIG]\nFILESERVER=").append(fileServer(site, ctx));
    b.append('\n');
    int n = 0;
    for (Entry e : entries(site, ctx)) {
      b.append("\n[DEVICE").append(++n).append(" DESCRIPTION]\n");
      b.append("ESN=").append(e.esn()).append('\n');
      b.append("MAC=").append(e.mac()).append('\n');
      b.append("DEVICETYPE=").append(e.deviceType()).append('\n');
      if (e.software() != null) b.append("SYSTEM-SOFTWARE=").append(e.software()).append('\n');
      b.append("SYSTEM-CONFIG=").append(e.config()).append('\n');
      if (e.patch() != null) b.append("SYSTEM-PAT=").append(e.patch()).append('\n');
    }
    b.append(";END ROUTER\n");
    return withSha256Line(b.toString());
  }

  static String python(Site site, ArtifactContext ctx) {
    List<Entry> entries = entries(site, ctx);
    StringBuilder devices = new StringBuilder();
    for (Entry e : entries) {
      devices
          .append("    {\"device\": ")
          .append(Scripts.py(e.device()))
          .append(", \"esn\": ")
          .append(Scripts.py(e.esn()))
          .append(", \"mac\": ")
          .append(Scripts.py(e.mac()))
          .append(", \"devicetype\": ")
          .append(Scripts.py(e.deviceType()))
          .append(",\n     \"software\": ")
          .append(Scripts.py(e.software()))
          .append(", \"software_sha256\": ")
          .append(Scripts.py(e.softwareSha256()))
          .append(",\n     \"config\": ")
          .append(Scripts.py(e.config()))
          .append(", \"patch\": ")
          .append(Scripts.py(e.patch()))
          .append("},\n");
    }
    String body =
        Scripts.script(
            "huawei/ztp.py",
            Map.of(
                "SITE", site.name().replaceAll("[^\\x20-\\x7e]", "?"),
                "COUNT", Integer.toString(entries.size()),
                "FILE_SERVER", Scripts.py(fileServer(site, ctx)),
                "REPORT_URL", Scripts.py(ctx.server().reportUrl()),
                "DEVICES", devices.toString()));
    return withSha256Line(body);
  }

  /** Prepends {@code #sha256sum="…"}, the SHA256 of {@code body} (everything after that line). */
  static String withSha256Line(String body) {
    return "#sha256sum=\""
        + Checksums.sha256Hex(body.getBytes(StandardCharsets.UTF_8))
        + "\"\n"
        + body;
  }
}
