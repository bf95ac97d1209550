package io.ztpd.core.image;

import io.ztpd.core.files.PathText;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images devices install: one directory, added to by the CLI (a file path), the API (an upload
 * stream) or by dropping files into the directory (picked up by {@link #scan()} / {@link #watch}).
 * Checksums are computed once per file content and remembered across restarts.
 */
public final class ImageRepository {
  private static final System.Logger LOG = System.getLogger(ImageRepository.class.getName());
  private static final Pattern VERSION = Pattern.compile("\\d+(?:[.(][0-9A-Za-z)]+)+");

  private final Path directory;
  private final ChecksumCache cache;
  private final Map<String, ChecksumCache.Entry> entries;

  /** Files seen once by the scanner, registered when unchanged at the next scan. */
  private final Map<String, long[]> settling = new HashMap<>();

  private final AtomicLong hashesComputed = new AtomicLong();

  /** Opens (creating if needed) the repository directory and registers what is already there. */
  public ImageRepository(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory).toRealPath();
    this.cache = new ChecksumCache(this.directory);
    this.entries = new TreeMap<>(cache.load());
    synchronized (this) {
      scanLocked(true);
    }
  }

  public Path directory() {
    return directory;
  }

  /** How many files were hashed since this repository was opened (a restart should add none). */
  public long hashesComputed() {
    return hashesComputed.get();
  }

  public synchronized List<Image> list() {
    return entries.values().stream().map(this::toImage).toList();
  }

  public synchronized Optional<Image> get(String name) {
    return Optional.ofNullable(entries.get(name)).map(this::toImage);
  }

  /** Adds a copy of a local file (the CLI's {@code ztpd image add FILE}). */
  public Image addFile(Path source, String name, ImageUpload meta) throws ImageException {
    if (!Files.isRegularFile(source)) {
      throw new ImageException("cannot add " + source + ": not a regular file");
    }
    if (!Files.isReadable(source)) {
      throw new ImageException("cannot add " + source + ": not readable");
    }
    try (InputStream in = Files.newInputStream(source)) {
      return addUpload(name == null ? source.getFileName().toString() : name, in, meta);
    } catch (IOException e) {
      throw new ImageException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Adds an image from a stream (the API upload), hashing while it is written, verifying declared
   * checksums before it becomes visible. Never overwrites an existing image.
   */
  public Image addUpload(String name, InputStream in, ImageUpload meta) throws ImageException {
    checkName(name);
    synchronized (this) {
      if (entries.containsKey(name) || Files.exists(directory.resolve(name))) {
        throw new ImageException("image '" + name + "' already exists");
      }
    }
    Path tmp = directory.resolve(".upload-" + UUID.randomUUID());
    try {
      Checksums sums = new Checksums();
      long size = 0;
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
          sums.update(buffer, 0, n);
          size += n;
        }
      }
      hashesComputed.incrementAndGet();
      String[] hex = sums.finish();
      verify("sha256", meta.expectedSha256(), hex[0]);
      verify("md5", meta.expectedMd5(), hex[1]);
      synchronized (this) {
        Path target = directory.resolve(name);
        try {
          Files.move(tmp, target); // no REPLACE_EXISTING: a racing add of the same name fails here
        } catch (FileAlreadyExistsException e) {
          throw new ImageException("image '" + name + "' already exists");
        }
        String version = meta.version() != null ? meta.version() : guessVersion(name);
        long mtime = Files.getLastModifiedTime(target).toMillis();
        ChecksumCache.Entry entry =
            new ChecksumCache.Entry(name, version, meta.models(), size, mtime, hex[0], hex[1]);
        entries.put(name, entry);
        settling.remove(name);
        saveQuietly();
        return toImage(entry);
      }
    } catch (IOException e) {
      throw new ImageException("cannot store image '" + name + "': " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot remove " + tmp + ": " + e.getMessage());
      }
    }
  }

  /** Changes what is known about an image (version, models) without touching the file. */
  public synchronized Image describe(String name, String version, List<String> models)
      throws ImageException {
    ChecksumCache.Entry e = entries.get(name);
    if (e == null) {
      throw new ImageException("no image '" + name + "'");
    }
    ChecksumCache.Entry updated =
        new ChecksumCache.Entry(
            name, version, models, e.size(), e.mtimeMillis(), e.sha256(), e.md5());
    entries.put(name, updated);
    saveQuietly();
    return toImage(updated);
  }

  /** Result of one scan of the directory. */
  public record ScanResult(List<String> added, List<String> changed, List<String> removed) {}

  /**
   * Picks up files dropped into (or removed from) the directory. A new or changed file is
   * registered only once it is seen unchanged in two consecutive scans, so a copy in progress is
   * not hashed half-written.
   */
  public synchronized ScanResult scan() {
    return scanLocked(false);
  }

  /** Scans every {@code interval} on a daemon thread until the returned handle is closed. */
  public AutoCloseable watch(Duration interval) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("image-watch").unstarted(r));
    long ms = Math.max(1, interval.toMillis());
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            scan();
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "image scan failed: " + e);
          }
        },
        ms,
        ms,
        TimeUnit.MILLISECONDS);
    return timer::shutdownNow;
  }

  private ScanResult scanLocked(boolean startup) {
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    Map<String, BasicFileAttributes> present = new HashMap<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(directory)) {
      for (Path p : dir) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || isCompanionName(name)) {
          continue;
        }
        BasicFileAttributes attrs =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isRegularFile()) {
          present.put(name, attrs);
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot list " + directory + ": " + e.getMessage());
      return new ScanResult(added, changed, removed);
    }
    for (String name : List.copyOf(entries.keySet())) {
      if (!present.containsKey(name)) {
        entries.remove(name);
        removed.add(name);
      }
    }
    settling.keySet().retainAll(present.keySet());
    for (var e : present.entrySet()) {
      String name = e.getKey();
      long size = e.getValue().size();
      long mtime = e.getValue().lastModifiedTime().toMillis();
      ChecksumCache.Entry known = entries.get(name);
      if (known != null && known.matches(size, mtime)) {
        continue;
      }
      long[] seen = settling.get(name);
      if (!startup && (seen == null || seen[0] != size || seen[1] != mtime)) {
        settling.put(name, new long[] {size, mtime});
        continue;
      }
      settling.remove(name);
      try {
        String[] hex = Checksums.ofFile(directory.resolve(name));
        hashesComputed.incrementAndGet();
        String version = known != null ? known.version() : guessVersion(name);
        List<String> models = known != null ? known.models() : List.of();
        entries.put(
            name, new ChecksumCache.Entry(name, version, models, size, mtime, hex[0], hex[1]));
        (known == null ? added : changed).add(name);
      } catch (IOException ex) {
        LOG.log(System.Logger.Level.WARNING, "cannot hash image " + name + ": " + ex.getMessage());
      }
    }
    if (startup || !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty()) {
      saveQuietly();
    }
    return new ScanResult(added, changed, removed);
  }

  /**
   * Finds an image by name, else by version (among images fitting {@code model}, preferring one
   * that names the model explicitly).
   */
  public synchronized Optional<Image> find(String nameOrVersion, String model) {
    if (nameOrVersion == null || nameOrVersion.isBlank()) {
      return Optional.empty();
    }
    ChecksumCache.Entry byName = entries.get(nameOrVersion.trim());
    if (byName != null) {
      return Optional.of(toImage(byName));
    }
    List<String> wanted = UpgradeRule.tokens(nameOrVersion);
    return entries.values().stream()
        .map(this::toImage)
        .filter(i -> i.version() != null && UpgradeRule.tokens(i.version()).equals(wanted))
        .filter(i -> i.fitsModel(model))
        .min(Comparator.comparing((Image i) -> i.models().isEmpty()).thenComparing(Image::name));
  }

  /**
   * The image a device should run: the device's own {@code targetImage}, else its group's {@code
   * target_image} variable; looked up by name or version for the device's model.
   */
  public Optional<Image> targetFor(Device device, Group group) {
    return wanted(device, group).flatMap(w -> find(w, device.model()));
  }

  /** The target as named: the device's {@code targetImage}, else its group's variable. */
  public static Optional<String> wanted(Device device, Group group) {
    String wanted = device.targetImage();
    if ((wanted == null || wanted.isBlank()) && group != null) {
      Object v = group.variables().get("target_image");
      wanted = v == null ? null : v.toString();
    }
    return wanted == null || wanted.isBlank() ? Optional.empty() : Optional.of(wanted.trim());
  }

  /**
   * The artifact for a file name under the repository: the image itself, or its generated companion
   * {@code <image>.md5} / {@code <image>.sha256} (in md5sum / sha256sum format).
   */
  public Optional<Artifact> artifact(String fileName) {
    Optional<Image> image = get(fileName);
    if (image.isPresent()) {
      Image i = image.get();
      return Optional.of(
          new Artifact.FileRef(
              i.name(),
              i.path(),
              i.size(),
              "application/octet-stream",
              ArtifactKind.IMAGE,
              i.sha256()));
    }
    for (String ext : new String[] {".md5", ".sha256"}) {
      if (fileName.endsWith(ext)) {
        Optional<Image> of = get(fileName.substring(0, fileName.length() - ext.length()));
        if (of.isPresent()) {
          String sum = ext.equals(".md5") ? of.get().md5() : of.get().sha256();
          byte[] text = (sum + "  " + of.get().name() + "\n").getBytes(StandardCharsets.US_ASCII);
          String sha = Checksums.sha256Hex(text);
          return Optional.of(
              new Artifact.Content(fileName, text, "text/plain", ArtifactKind.CHECKSUM, sha));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A version-looking token of a file name ({@code junos-ex-21.4R3.15.tgz} → {@code 21.4R3.15}).
   */
  static String guessVersion(String fileName) {
    String base =
        fileName.replaceFirst("(?i)(\\.tar)?\\.(tgz|gz|bin|img|swi|iso|tar|zip|pkg)$", "");
    Matcher m = VERSION.matcher(base);
    return m.find() ? m.group() : null;
  }

  private static boolean isCompanionName(String name) {
    return name.endsWith(".md5") || name.endsWith(".sha256");
  }

  private static void checkName(String name) throws ImageException {
    List<String> segments = new ArrayList<>();
    String problem = PathText.splitSafe(name, segments);
    if (problem != null || segments.size() != 1 || !segments.get(0).equals(name)) {
      throw new ImageException(
          "bad image name '"
              + name
              + "': "
              + (problem != null ? problem : "must be a plain file name"));
    }
    if (isCompanionName(name)) {
      throw new ImageException(
          "bad image name '" + name + "': .md5 / .sha256 names are reserved for checksum files");
    }
  }

  private static void verify(String algorithm, String expected, String actual)
      throws ImageException {
    if (expected != null && !expected.isEmpty() && !expected.equals(actual)) {
      throw new ImageException(
          "declared "
              + algorithm
              + " "
              + expected
              + " does not match the uploaded data ("
              + actual
              + ")");
    }
  }

  private Image toImage(ChecksumCache.Entry e) {
    return new Image(
        e.name(),
        e.version(),
        e.models(),
        e.size(),
        e.sha256(),
        e.md5(),
        directory.resolve(e.name()));
  }

  private void saveQuietly() {
    try {
      cache.save(entries);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot save checksum cache: " + e.getMessage());
    }
  }
}
