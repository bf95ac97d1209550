package io.ztpd.core.provisioning;

import io.ztpd.core.account.LocalAccount;
import io.ztpd.core.account.LocalAccounts;
import io.ztpd.core.image.Image;
import io.ztpd.core.image.ImageRepository;
import io.ztpd.core.inventory.DeviceDirectory;
import io.ztpd.core.lease.Lease;
import io.ztpd.core.lease.LeaseLookup;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.template.RenderResult;
import io.ztpd.core.template.TemplateEngine;
import io.ztpd.core.template.VariableLayers;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Renders each device's configurations from its templates with global → site → group → device
 * variables plus facts (lease, server, generated account).
 *
 * <p>Template names: the device's {@code template} / {@code final_template}, else {@code
 * <vendor>.j2} / {@code <vendor>-final.j2}. Rendered bytes are cached per device and reused while
 * the inventory, the lease address and the template's own text are unchanged (an edit shows at the
 * template directory's next re-check, within a second); templates it includes are not tracked, so
 * an entry is also re-rendered after {@value #INCLUDE_RECHECK_SECONDS} s. A boot storm renders each
 * device about once.
 */
public final class TemplateArtifacts implements DeviceArtifacts {
  static final int INCLUDE_RECHECK_SECONDS = 5;
  private static final long CACHE_NANOS = INCLUDE_RECHECK_SECONDS * 1_000_000_000L;

  /** Which configuration. */
  public enum Stage {
    CONF_MIN,
    FINAL
  }

  private record Key(String deviceId, Stage stage) {}

  private record Cached(
      long inventoryVersion, String leaseIp, long templateVersion, long madeAt, Made made) {}

  private final TemplateEngine engine;
  private final DeviceDirectory directory;
  private final java.util.function.LongSupplier inventoryVersion;
  private final LeaseLookup leases;
  private final LocalAccounts accounts;
  private final Map<String, Object> globals;
  private final ServerContext server;
  private final ImageRepository images;
  private final VendorArtifacts vendors;
  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

  /** Without vendor profiles: configurations only. */
  public TemplateArtifacts(
      TemplateEngine engine,
      DeviceDirectory directory,
      java.util.function.LongSupplier inventoryVersion,
      LeaseLookup leases,
      LocalAccounts accounts,
      Map<String, Object> globals,
      ServerContext server,
      ImageRepository images) {
    this(
        engine,
        directory,
        inventoryVersion,
        leases,
        accounts,
        globals,
        server,
        images,
        List.of(),
        List::of);
  }

  /**
   * @param profiles asked in order for vendor-flow files ({@link VendorProfile#artifact})
   * @param devices every inventory device, for the indexes profiles use (devices of a site, by
   *     hostname); read again only when the inventory version changes
   */
  public TemplateArtifacts(
      TemplateEngine engine,
      DeviceDirectory directory,
      java.util.function.LongSupplier inventoryVersion,
      LeaseLookup leases,
      LocalAccounts accounts,
      Map<String, Object> globals,
      ServerContext server,
      ImageRepository images,
      List<VendorProfile> profiles,
      Supplier<? extends Collection<Device>> devices) {
    this.vendors =
        new VendorArtifacts(this, directory, leases, server, profiles, devices, inventoryVersion);
    this.engine = engine;
    this.directory = directory;
    this.inventoryVersion = inventoryVersion;
    this.leases = leases;
    this.accounts = accounts;
    this.globals = Map.copyOf(globals);
    this.server = server;
    this.images = images;
  }

  public TemplateEngine engine() {
    return engine;
  }

  public static String templateFor(Device d, Stage stage) {
    String explicit = stage == Stage.CONF_MIN ? d.template() : d.finalTemplate();
    if (explicit != null && !explicit.isBlank()) return explicit;
    String vendor = d.vendor() == null ? "default" : d.vendor();
    return stage == Stage.CONF_MIN ? vendor + ".j2" : vendor + "-final.j2";
  }

  @Override
  public Made config(Device device) {
    return make(device, Stage.CONF_MIN);
  }

  public Made finalConfig(Device device) {
    return make(device, Stage.FINAL);
  }

  /** Renders for a device without caching: the API's render and preview. */
  public RenderResult render(Device device, Stage stage) {
    return engine.render(templateFor(device, stage), variables(device));
  }

  /** Renders unsaved template text for a device: the editor's live preview. */
  public RenderResult preview(Device device, String name, String text) {
    return engine.renderSource(name, text, variables(device));
  }

  @Override
  public Optional<Made> vendorArtifact(Device device, String path, FetchRequest request) {
    return vendors.artifact(device, path, request);
  }

  /** Renders any template for a device, uncached (vendor flows' extra files). */
  public Made renderTemplate(Device device, String template, String fileName, ArtifactKind kind) {
    return switch (engine.render(template, variables(device))) {
      case RenderResult.Rendered r -> {
        byte[] bytes = r.text().getBytes(StandardCharsets.UTF_8);
        yield new Made.Ok(
            new Artifact.Content(fileName, bytes, "text/plain; charset=utf-8", kind, sha256(bytes)),
            device.id());
      }
      case RenderResult.Failed f -> new Made.Error(f.describe());
    };
  }

  public boolean hasTemplate(String name) {
    return templateVersion(name) >= 0;
  }

  /** The device's target image: its own {@code target_image}, else its group's. */
  public Optional<Image> targetImage(Device device) {
    return images.targetFor(device, group(device));
  }

  /** The target image as named (device, else group), whether or not the repository has it. */
  public Optional<String> wantedImage(Device device) {
    return ImageRepository.wanted(device, group(device));
  }

  private Group group(Device device) {
    return device.group() == null ? null : directory.group(device.group()).orElse(null);
  }

  private Made make(Device device, Stage stage) {
    Key key = new Key(device.id(), stage);
    long inv = inventoryVersion.getAsLong();
    String leaseIp = leases.byDevice(device.id()).map(Lease::ip).orElse(null);
    long template = templateVersion(templateFor(device, stage));
    long now = System.nanoTime();
    Cached c = cache.get(key);
    if (c != null
        && c.inventoryVersion() == inv
        && c.templateVersion() == template
        && Objects.equals(c.leaseIp(), leaseIp)
        && now - c.madeAt() < CACHE_NANOS) {
      return c.made();
    }
    Made made =
        switch (render(device, stage)) {
          case RenderResult.Rendered r -> {
            byte[] bytes = r.text().getBytes(StandardCharsets.UTF_8);
            String name =
                (device.hostname() != null ? device.hostname() : device.id())
                    + (stage == Stage.FINAL ? "-final.cfg" : ".cfg");
            yield new Made.Ok(
                new Artifact.Content(
                    name,
                    bytes,
                    "text/plain; charset=utf-8",
                    stage == Stage.FINAL ? ArtifactKind.FINAL_CONFIG : ArtifactKind.CONFIG,
                    sha256(bytes)),
                device.id());
          }
          case RenderResult.Failed f -> new Made.Error(f.describe());
        };
    if (made instanceof Made.Ok) cache.put(key, new Cached(inv, leaseIp, template, now, made));
    else cache.remove(key);
    return made;
  }

  /** The template's current text version (-1 when missing or invalid: never cached then). */
  private long templateVersion(String name) {
    try {
      return engine.directory().load(name).map(src -> src.version()).orElse(-1L);
    } catch (IllegalArgumentException e) {
      return -1L;
    }
  }

  /**
   * All variables of a device, as its templates see them. Besides {@link VariableLayers}' facts,
   * {@code image} is the device's target image when it has one (device {@code target_image}, else
   * the group's variable): {@code name}, {@code version}, {@code url}, {@code sha256}, {@code md5},
   * {@code size}.
   */
  public Map<String, Object> variables(Device device) {
    Lease lease = leases.byDevice(device.id()).orElse(null);
    LocalAccount account = accounts.forDevice(device.id());
    VariableLayers.Facts facts =
        new VariableLayers.Facts(
            lease, server.serverIp(), server.httpBase(), account.username(), account.password());
    Group group = device.group() == null ? null : directory.group(device.group()).orElse(null);
    Map<String, Object> vars =
        VariableLayers.forDevice(
            globals,
            device.site() == null ? null : directory.site(device.site()).orElse(null),
            group,
            device,
            facts);
    images.targetFor(device, group).ifPresent(i -> vars.put("image", imageFacts(i)));
    return vars;
  }

  private Map<String, Object> imageFacts(Image i) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", i.name());
    if (i.version() != null) m.put("version", i.version());
    m.put("url", server.httpBase() + "/ztp/images/" + i.name());
    m.put("sha256", i.sha256());
    m.put("md5", i.md5());
    m.put("size", i.size());
    return java.util.Collections.unmodifiableMap(m);
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
