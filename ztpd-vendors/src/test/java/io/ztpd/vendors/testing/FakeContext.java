package io.ztpd.vendors.testing;

import io.ztpd.core.image.Image;
import io.ztpd.core.lease.Lease;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Mac;
import io.ztpd.core.model.Site;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.Artifacts;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Protocol;
import io.ztpd.core.util.Ipv4;
import io.ztpd.core.vendor.ArtifactContext;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link ArtifactContext} over in-memory devices, sites and images. A device's minimal
 * configuration is {@code "config of <id>\n"}, its final one {@code "final of <id>\n"}.
 */
public final class FakeContext implements ArtifactContext {
  public static final ServerContext SERVER = new ServerContext("192.0.2.1", 8080, 0, 69, 0, 0, 0);

  private final List<Device> devices = new ArrayList<>();
  private final Map<String, Site> sites = new HashMap<>();
  private final Map<String, Image> targets = new HashMap<>();
  private final List<String> templates = new ArrayList<>();
  private FetchRequest request = FetchRequest.of(Protocol.HTTP, "192.0.2.50", "x");

  public FakeContext add(Device d) {
    devices.add(d);
    return this;
  }

  public FakeContext site(Site s) {
    sites.put(s.name(), s);
    return this;
  }

  public FakeContext target(String deviceId, Image image) {
    targets.put(deviceId, image);
    return this;
  }

  public FakeContext template(String name) {
    templates.add(name);
    return this;
  }

  /** The fetch the next call answers. */
  public FakeContext asking(Protocol protocol, String ip, String path, Map<String, String> hints) {
    request = new FetchRequest(protocol, ip, path, hints);
    return this;
  }

  /** Asks the profiles like the resolver does: the requester is the device with that id. */
  public Optional<Made> fetch(List<VendorProfile> profiles, String path, String requesterId) {
    Device requester = requesterId == null ? null : device(requesterId).orElseThrow();
    request = new FetchRequest(request.protocol(), request.requesterIp(), path, request.hints());
    for (VendorProfile p : profiles) {
      Optional<Made> m = p.artifact(path, requester, this);
      if (m.isPresent()) return m;
    }
    return Optional.empty();
  }

  public static Device device(
      String id, String vendor, String serial, String mac, String site, Map<String, Object> vars) {
    return new Device(
        id, id, serial, mac, vendor, "M-" + id, null, null, null, site, null, null, null, null,
        null, vars);
  }

  public static Site site(String name, String subnet) {
    return new Site(
        name, subnet, List.of(), List.of(), List.of(), null, List.of(), null, List.of(), List.of(),
        0, Map.of());
  }

  public static Image image(String name, String version, String sha256, String md5) {
    return new Image(name, version, List.of(), 1234, sha256, md5, Path.of("/images", name));
  }

  @Override
  public FetchRequest request() {
    return request;
  }

  @Override
  public ServerContext server() {
    return SERVER;
  }

  @Override
  public Made config(Device d) {
    return Artifacts.text(
        d.id() + ".cfg", "config of " + d.id() + "\n", "text/plain", ArtifactKind.CONFIG, d);
  }

  @Override
  public Made finalConfig(Device d) {
    return Artifacts.text(
        d.id() + "-final.cfg",
        "final of " + d.id() + "\n",
        "text/plain",
        ArtifactKind.FINAL_CONFIG,
        d);
  }

  @Override
  public Made render(Device d, String template, String fileName, ArtifactKind kind) {
    return templates.contains(template)
        ? Artifacts.text(fileName, template + " for " + d.id() + "\n", "text/plain", kind, d)
        : new Made.Error("no template " + template);
  }

  @Override
  public boolean hasTemplate(String name) {
    return templates.contains(name);
  }

  @Override
  public Optional<Image> targetImage(Device d) {
    return Optional.ofNullable(targets.get(d.id()));
  }

  @Override
  public Optional<String> wantedImage(Device d) {
    return targetImage(d).map(Image::name).or(() -> Optional.ofNullable(d.targetImage()));
  }

  @Override
  public Optional<Device> device(String key) {
    Optional<Device> d = devices.stream().filter(x -> x.id().equals(key)).findFirst();
    if (d.isEmpty()) d = devices.stream().filter(x -> key.equals(x.serial())).findFirst();
    if (d.isEmpty() && Mac.isMac(key)) {
      String mac = Identity.ofMac(key).mac();
      d = devices.stream().filter(x -> mac.equals(x.mac())).findFirst();
    }
    return d;
  }

  @Override
  public Optional<Device> deviceByHostname(String hostname) {
    return devices.stream().filter(x -> hostname.equalsIgnoreCase(x.hostname())).findFirst();
  }

  @Override
  public List<Device> devicesOfSite(String site) {
    return devices.stream()
        .filter(d -> site.equals(d.site()))
        .sorted(Comparator.comparing(Device::id))
        .toList();
  }

  @Override
  public Optional<Site> site(String name) {
    return Optional.ofNullable(sites.get(name));
  }

  @Override
  public Optional<Site> site(Device d) {
    return d == null || d.site() == null ? Optional.empty() : site(d.site());
  }

  @Override
  public Optional<Site> siteOf(String ip) {
    return sites.values().stream()
        .filter(s -> ip != null && Ipv4.Cidr.parse(s.subnet()).contains(ip))
        .findFirst();
  }

  @Override
  public Optional<Lease> lease(Device d) {
    return Optional.empty();
  }
}
