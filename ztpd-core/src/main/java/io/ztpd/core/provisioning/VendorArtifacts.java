package io.ztpd.core.provisioning;

import io.ztpd.core.image.Image;
import io.ztpd.core.inventory.DeviceDirectory;
import io.ztpd.core.lease.Lease;
import io.ztpd.core.lease.LeaseLookup;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Site;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.vendor.ArtifactContext;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Asks the vendor profiles, in order, for the file at a path, giving each an {@link
 * ArtifactContext} over the templates, images, inventory and leases. The inventory indexes a
 * profile needs (hostname, devices of a site) are rebuilt once per inventory version.
 */
final class VendorArtifacts {
  private final TemplateArtifacts templates;
  private final DeviceDirectory directory;
  private final LeaseLookup leases;
  private final ServerContext server;
  private final List<VendorProfile> profiles;
  private final Supplier<? extends Collection<Device>> devices;
  private final LongSupplier inventoryVersion;
  private volatile Index index = new Index(Long.MIN_VALUE, Map.of(), Map.of());

  private record Index(
      long version, Map<String, Device> byHostname, Map<String, List<Device>> bySite) {}

  VendorArtifacts(
      TemplateArtifacts templates,
      DeviceDirectory directory,
      LeaseLookup leases,
      ServerContext server,
      List<VendorProfile> profiles,
      Supplier<? extends Collection<Device>> devices,
      LongSupplier inventoryVersion) {
    this.templates = templates;
    this.directory = directory;
    this.leases = leases;
    this.server = server;
    this.profiles = List.copyOf(profiles);
    this.devices = devices;
    this.inventoryVersion = inventoryVersion;
  }

  Optional<Made> artifact(Device requester, String path, FetchRequest request) {
    if (profiles.isEmpty()) return Optional.empty();
    Context ctx = new Context(request);
    for (VendorProfile p : profiles) {
      Optional<Made> made = p.artifact(path, requester, ctx);
      if (made.isPresent()) return made;
    }
    return Optional.empty();
  }

  private Index index() {
    long v = inventoryVersion.getAsLong();
    Index i = index;
    if (i.version() == v) return i;
    Map<String, Device> byHostname = new HashMap<>();
    Map<String, List<Device>> bySite = new HashMap<>();
    for (Device d : devices.get()) {
      if (d.hostname() != null) byHostname.putIfAbsent(d.hostname().toLowerCase(Locale.ROOT), d);
      if (d.site() != null) bySite.computeIfAbsent(d.site(), s -> new ArrayList<>()).add(d);
    }
    bySite.replaceAll((s, list) -> list.stream().sorted(Comparator.comparing(Device::id)).toList());
    i = new Index(v, Map.copyOf(byHostname), Map.copyOf(bySite));
    index = i;
    return i;
  }

  /** One fetch's view. */
  private final class Context implements ArtifactContext {
    private final FetchRequest request;

    Context(FetchRequest request) {
      this.request = request;
    }

    @Override
    public FetchRequest request() {
      return request;
    }

    @Override
    public ServerContext server() {
      return server;
    }

    @Override
    public Made config(Device device) {
      return templates.config(device);
    }

    @Override
    public Made finalConfig(Device device) {
      return templates.finalConfig(device);
    }

    @Override
    public Made render(Device device, String template, String fileName, ArtifactKind kind) {
      return templates.renderTemplate(device, template, fileName, kind);
    }

    @Override
    public boolean hasTemplate(String name) {
      return templates.hasTemplate(name);
    }

    @Override
    public Optional<Image> targetImage(Device device) {
      return templates.targetImage(device);
    }

    @Override
    public Optional<String> wantedImage(Device device) {
      return templates.wantedImage(device);
    }

    @Override
    public Optional<Device> device(String key) {
      return directory.byKey(key);
    }

    @Override
    public Optional<Device> deviceByHostname(String hostname) {
      if (hostname == null) return Optional.empty();
      return Optional.ofNullable(index().byHostname().get(hostname.toLowerCase(Locale.ROOT)));
    }

    @Override
    public List<Device> devicesOfSite(String site) {
      return index().bySite().getOrDefault(site, List.of());
    }

    @Override
    public Optional<Site> site(String name) {
      return name == null ? Optional.empty() : directory.site(name);
    }

    @Override
    public Optional<Site> site(Device device) {
      return device == null || device.site() == null
          ? Optional.empty()
          : directory.site(device.site());
    }

    @Override
    public Optional<Site> siteOf(String ip) {
      return ip == null ? Optional.empty() : directory.siteFor(ip);
    }

    @Override
    public Optional<Lease> lease(Device device) {
      return leases.byDevice(device.id());
    }
  }
}
