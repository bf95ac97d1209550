package io.ztpd.core.provisioning;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.event.EventRecorder;
import io.ztpd.core.inventory.DeviceDirectory;
import io.ztpd.core.lease.LeaseLookup;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Mac;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Every protocol's "requester X wants path P": finds the device behind the request, then the
 * artifact for that device. The path namespace is the same over TFTP, HTTP, FTP and SFTP:
 *
 * <ul>
 *   <li>{@code config} — the requester's minimal configuration
 *   <li>{@code config/<id|serial|mac>} — that device's minimal configuration
 *   <li>{@code files/<path>} — a static file under the file root
 *   <li>{@code images/<name>} — an image (and {@code .md5} / {@code .sha256} companions)
 *   <li>anything else — a vendor-flow artifact, else a static file under the file root
 * </ul>
 *
 * HTTP mounts all of this under {@code /ztp/}. The requester is known by (in order) a serial or MAC
 * given in the request (SONiC's {@code SERIAL-NUMBER} header, {@code ?serial=}, {@code ?mac=}), the
 * lease on its address, or a device's reserved address.
 */
public final class ProvisioningResolver implements ArtifactResolver {
  private final DeviceDirectory directory;
  private final LeaseLookup leases;
  private final DeviceArtifacts artifacts;
  private final FileSource files;
  private final FileSource images;
  private final EventRecorder events;
  private final Revocations revocations;
  private final AtomicLong served = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  public ProvisioningResolver(
      DeviceDirectory directory,
      LeaseLookup leases,
      DeviceArtifacts artifacts,
      FileSource files,
      FileSource images,
      EventRecorder events) {
    this(directory, leases, artifacts, files, images, events, Revocations.NONE);
  }

  /**
   * @param revocations devices whose artifacts are refused (403) whoever asks for them
   */
  public ProvisioningResolver(
      DeviceDirectory directory,
      LeaseLookup leases,
      DeviceArtifacts artifacts,
      FileSource files,
      FileSource images,
      EventRecorder events,
      Revocations revocations) {
    this.revocations = revocations;
    this.directory = directory;
    this.leases = leases;
    this.artifacts = artifacts;
    this.files = files;
    this.images = images;
    this.events = events;
  }

  @Override
  public Resolution resolve(FetchRequest request) {
    String path = namespacePath(request.path());
    Resolution r;
    if (path.equals("config")) {
      r = configOfRequester(request);
    } else if (path.startsWith("config/")) {
      r = configOf(path.substring(7), request);
    } else if (path.startsWith("files/")) {
      r = attribute(files.resolve(path.substring(6)), request);
    } else if (path.startsWith("images/")) {
      r = attribute(images.resolve(path.substring(7)), request);
    } else {
      r = vendorOrFile(path, request);
    }
    r = unlessRevoked(r, request);
    if (!(r instanceof Resolution.Found)) refused.incrementAndGet();
    return r;
  }

  private Resolution vendorOrFile(String path, FetchRequest request) {
    Device d = identify(request).orElse(null);
    Optional<DeviceArtifacts.Made> made = artifacts.vendorArtifact(d, path, request);
    if (made.isEmpty()) return attribute(files.resolve(path), request);
    if (made.get() instanceof DeviceArtifacts.Made.Unknown u) {
      return unknown(
          withIdentityHints(request, u.keys()),
          adopted ->
              artifacts
                  .vendorArtifact(adopted, path, request)
                  .orElse(new DeviceArtifacts.Made.Missing("nothing at " + path)));
    }
    return toResolution(made.get(), d);
  }

  /** A found artifact of a device whose artifacts are revoked is refused, and the refusal noted. */
  private Resolution unlessRevoked(Resolution r, FetchRequest request) {
    if (!(r instanceof Resolution.Found f) || f.deviceId() == null) return r;
    Optional<Revocations.Revoked> revoked = revocations.revoked(f.deviceId());
    if (revoked.isEmpty()) return r;
    Map<String, String> data = new LinkedHashMap<>();
    data.put("path", request.path());
    if (request.requesterIp() != null) data.put("ip", request.requesterIp());
    data.put("reason", revoked.get().reason());
    events.record(
        Event.of(
            f.deviceId(),
            revoked.get().shownFailed() ? EventKind.FILE_FAILED : EventKind.DEVICE_FAILED,
            request.protocol().label(),
            "refused " + f.artifact().name() + ": " + revoked.get().reason(),
            data));
    return new Resolution.Denied(revoked.get().reason());
  }

  private static FetchRequest withIdentityHints(FetchRequest r, Identity keys) {
    if (keys == null) return r;
    Map<String, String> hints = new LinkedHashMap<>(r.hints());
    if (keys.serial() != null) hints.put("serial", keys.serial());
    if (keys.mac() != null) hints.put("mac", keys.mac());
    return new FetchRequest(r.protocol(), r.requesterIp(), r.path(), hints);
  }

  private Resolution configOfRequester(FetchRequest request) {
    Optional<Device> d = identify(request);
    if (d.isEmpty()) return unknown(request, artifacts::config);
    return toResolution(artifacts.config(d.get()), d.get());
  }

  private Resolution configOf(String key, FetchRequest request) {
    Optional<Device> d = directory.byKey(key);
    if (d.isEmpty()) {
      return unknown(
          request.hint("serial") == null ? withKeyHint(request, key) : request, artifacts::config);
    }
    return toResolution(artifacts.config(d.get()), d.get());
  }

  private static FetchRequest withKeyHint(FetchRequest r, String key) {
    Map<String, String> hints = new LinkedHashMap<>(r.hints());
    hints.put(Mac.isMac(key) ? "mac" : "serial", key);
    return new FetchRequest(r.protocol(), r.requesterIp(), r.path(), hints);
  }

  /** Who is asking: keys in the request first, then the lease on its address. */
  public Optional<Device> identify(FetchRequest request) {
    Identity hinted = hintedIdentity(request);
    if (hinted != null) {
      Optional<Device> d = directory.match(hinted);
      if (d.isPresent()) return d;
    }
    String ip = request.requesterIp();
    if (ip != null) {
      Optional<Device> d =
          leases
              .byIp(ip)
              .map(l -> l.deviceId())
              .flatMap(id -> id == null ? Optional.empty() : directory.byId(id));
      if (d.isPresent()) return d;
    }
    return Optional.empty();
  }

  private static Identity hintedIdentity(FetchRequest r) {
    String serial = first(r.hint("serial"), r.hint("serial-number"), r.hint("x-ztp-serial"));
    String mac = first(r.hint("mac"), r.hint("x-ztp-mac"), r.hint("base-mac-address"));
    if (mac != null && !Mac.isMac(mac)) mac = null;
    if (serial == null && mac == null) return null;
    return new Identity(
        mac == null ? null : Mac.normalize(mac),
        serial,
        null,
        null,
        first(r.hint("product-name"), r.hint("model")),
        null,
        null,
        null,
        null,
        r.requesterIp());
  }

  private static String first(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v.trim();
    return null;
  }

  /** An unknown requester: queued (or adopted by rule, then served {@code whenAdopted}). */
  private Resolution unknown(
      FetchRequest request, Function<Device, DeviceArtifacts.Made> whenAdopted) {
    Identity id = hintedIdentity(request);
    if (id == null) {
      id =
          new Identity(null, null, null, null, null, null, null, null, null, request.requesterIp());
    }
    String who =
        id.serial() != null
            ? "serial " + id.serial()
            : id.mac() != null ? "MAC " + id.mac() : "address " + request.requesterIp();
    DeviceDirectory.UnknownDecision decision = directory.unknown(id, request.protocol().label());
    return switch (decision) {
      case DeviceDirectory.UnknownDecision.Adopted a ->
          toResolution(whenAdopted.apply(a.device()), a.device());
      case DeviceDirectory.UnknownDecision.Hold h ->
          new Resolution.NotFound(
              "unknown device (" + who + "): queued for adoption as '" + h.pendingId() + "'");
      case DeviceDirectory.UnknownDecision.Ignore i ->
          new Resolution.NotFound("unknown device (" + who + "): " + i.reason());
    };
  }

  private Resolution toResolution(DeviceArtifacts.Made made, Device d) {
    return switch (made) {
      case DeviceArtifacts.Made.Ok ok ->
          new Resolution.Found(
              ok.artifact(), ok.deviceId() != null ? ok.deviceId() : d == null ? null : d.id());
      case DeviceArtifacts.Made.Missing m -> new Resolution.NotFound(m.reason());
      case DeviceArtifacts.Made.Unknown u ->
          new Resolution.NotFound("unknown device: " + describe(u.keys()));
      case DeviceArtifacts.Made.Error err -> {
        if (d != null) {
          events.record(
              Event.of(
                  d.id(),
                  EventKind.FILE_FAILED,
                  "ztpd",
                  "could not make artifact: " + err.reason()));
        }
        yield new Resolution.Failed(err.reason());
      }
    };
  }

  private static String describe(Identity keys) {
    if (keys == null) return "no keys";
    return keys.serial() != null
        ? "serial " + keys.serial()
        : keys.mac() != null ? "MAC " + keys.mac() : "no keys";
  }

  /** A static file or image fetched by a known device goes on that device's timeline. */
  private Resolution attribute(Resolution r, FetchRequest request) {
    if (r instanceof Resolution.Found f && f.deviceId() == null) {
      return new Resolution.Found(f.artifact(), identify(request).map(Device::id).orElse(null));
    }
    return r;
  }

  /**
   * A requested path as the namespace names it: without leading slashes and the {@code ztp/} prefix
   * ({@code /ztp/config/sw1} and {@code config/sw1} are one file).
   */
  public static String namespacePath(String requested) {
    int i = 0;
    while (i < requested.length() && requested.charAt(i) == '/') i++;
    String p = requested.substring(i);
    return p.startsWith("ztp/") ? p.substring(4) : p;
  }

  @Override
  public void started(FetchRequest request, Resolution.Found found) {
    if (found.deviceId() == null) return;
    events.record(
        Event.of(
            found.deviceId(),
            EventKind.FILE_REQUESTED,
            request.protocol().label(),
            "transfer of " + found.artifact().name() + " started",
            facts(request, found, -1, null)));
  }

  /** Waits until the event is durable: a device that got its bytes is on the timeline. */
  @Override
  public void completed(FetchRequest request, Resolution.Found found, long bytes, Duration took) {
    completedAsync(request, found, bytes, took).join();
  }

  /**
   * Records the delivery; the future completes once it is durable. For servers that send the bytes
   * when it does without holding a thread meanwhile (HTTP: a fetch is on the timeline before its
   * bytes leave).
   */
  public CompletableFuture<?> completedAsync(
      FetchRequest request, Resolution.Found found, long bytes, Duration took) {
    served.incrementAndGet();
    if (found.deviceId() == null) return CompletableFuture.completedFuture(null);
    Artifact a = found.artifact();
    return events.record(
        Event.of(
            found.deviceId(),
            a.kind().deliveredEvent(),
            request.protocol().label(),
            "fetched " + a.name() + " (" + bytes + " bytes) over " + request.protocol().label(),
            facts(request, found, bytes, took)));
  }

  @Override
  public void failed(FetchRequest request, Resolution.Found found, String reason) {
    Map<String, String> data = facts(request, found, -1, null);
    data.put("reason", reason);
    events.record(
        Event.of(
            found.deviceId(),
            EventKind.FILE_FAILED,
            request.protocol().label(),
            "transfer of " + found.artifact().name() + " failed: " + reason,
            data));
  }

  private static Map<String, String> facts(
      FetchRequest r, Resolution.Found f, long bytes, Duration took) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("path", r.path());
    if (r.requesterIp() != null) m.put("ip", r.requesterIp());
    m.put("artifact", f.artifact().kind().name().toLowerCase(java.util.Locale.ROOT));
    if (bytes >= 0) m.put("bytes", Long.toString(bytes));
    if (took != null) m.put("ms", Long.toString(took.toMillis()));
    if (f.artifact().sha256() != null) m.put("sha256", f.artifact().sha256());
    return m;
  }

  public long servedCount() {
    return served.get();
  }

  public long refusedCount() {
    return refused.get();
  }
}
