package io.ztpd.vendors.huawei;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Site;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.Artifacts;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.vendor.ArtifactContext;
import io.ztpd.vendors.Flow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of Huawei's DHCP ZTP without a controller, under {@code huawei/}: {@code <site>.ini} /
 * {@code <site>.py} (the intermediate file listing the site's devices; {@code ztp.ini} / {@code
 * ztp.py} for the requester's site), and {@code <device-id>.cfg}, the configuration an entry names.
 *
 * <p>A site's file is the same for every device of the site, so it is reused while the inventory is
 * unchanged, for at most {@value #REUSE_MILLIS} ms (images and addresses may change): a boot storm
 * of one site builds it a few times, not once per device.
 */
final class HuaweiFiles {
  static final String PREFIX = "huawei/";
  static final long REUSE_MILLIS = 2000;

  /** A site file and the inventory view it was made from (same list ⇒ same inventory version). */
  private record SiteFile(long atMillis, List<Device> devices, String text) {}

  private final Map<String, SiteFile> siteFiles = new ConcurrentHashMap<>();

  static String configPath(Device d) {
    return PREFIX + d.id() + ".cfg";
  }

  Made make(String rest, Device requester, ArtifactContext ctx) {
    String key = Flow.key(rest, ".cfg");
    if (key != null) return Flow.forDevice(ctx, key, d -> Artifacts.named(ctx.config(d), rest));
    boolean ini = rest.endsWith(".ini");
    String siteName = Flow.key(rest, ini ? ".ini" : ".py");
    if (siteName == null) return new Made.Missing("no Huawei ZTP file '" + PREFIX + rest + "'");
    Optional<Site> site =
        siteName.equals("ztp") ? requesterSite(requester, ctx) : ctx.site(siteName);
    if (site.isEmpty()) {
      return siteName.equals("ztp") && requester == null
          ? new Made.Unknown(null)
          : new Made.Missing("no site for the Huawei intermediate file '" + PREFIX + rest + "'");
    }
    return Artifacts.text(
        rest,
        siteFile(site.get(), ini, ctx),
        ini ? "text/plain" : "text/x-python",
        ArtifactKind.BOOTSTRAP,
        requester);
  }

  /** The requester's site: its inventory site, else the site of its address. */
  private static Optional<Site> requesterSite(Device requester, ArtifactContext ctx) {
    Optional<Site> s = ctx.site(requester);
    return s.isPresent() ? s : ctx.siteOf(ctx.request().requesterIp());
  }

  private String siteFile(Site site, boolean ini, ArtifactContext ctx) {
    String key = site.name() + (ini ? ".ini" : ".py");
    List<Device> devices = ctx.devicesOfSite(site.name());
    long now = System.nanoTime() / 1_000_000;
    SiteFile f = siteFiles.get(key);
    if (f != null && f.devices() == devices && now - f.atMillis() < REUSE_MILLIS) return f.text();
    String text = ini ? IntermediateFile.ini(site, ctx) : IntermediateFile.python(site, ctx);
    siteFiles.put(key, new SiteFile(now, devices, text));
    return text;
  }
}
