package io.ztpd.core.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Templates as files under one directory.
 *
 * <p>A template's name is its path relative to the directory, with {@code /} separators and its
 * extension, exactly as an operator sees it: {@code juniper.j2}, {@code juniper/minimal.j2}, {@code
 * common/ntp.txt}. Any extension is accepted (we suggest {@code .j2}); names never start a segment
 * with a dot, so hidden files, editor swap files and {@code ..} are out. A name can never leave the
 * directory, not even through a symbolic link.
 *
 * <p>Reloading: {@link #load} looks at the file on disk at most once per check interval per
 * template (one {@code stat}, and a read only when size or mtime changed), so a server rendering
 * tens of thousands of configs a second does not touch the disk per render. {@link #write} and
 * {@link #delete} take effect at once.
 */
public final class TemplateDirectory {
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._+-]*");
  private static final int MAX_NAME = 255;
  private static final AtomicLong VERSIONS = new AtomicLong();

  /** A template's text as last read, with a version that changes whenever the text does. */
  public record Source(String name, String text, long version) {}

  /** What we know of one name: its source (null when absent), and when we last looked. */
  private record Entry(Source source, FileTime mtime, long size, long checkedAtNanos) {}

  private final Path root;
  private final long checkIntervalNanos;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  public TemplateDirectory(Path root) {
    this(root, DEFAULT_CHECK_INTERVAL);
  }

  /**
   * @param root the directory; created when missing
   * @param checkInterval how long a loaded template is trusted before its file is looked at again
   */
  public TemplateDirectory(Path root, Duration checkInterval) {
    try {
      Files.createDirectories(root);
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("template directory " + root + ": " + e.getMessage(), e);
    }
    this.checkIntervalNanos = checkInterval.toNanos();
  }

  public Path root() {
    return root;
  }

  /** Whether {@code name} is an acceptable template name (see the class comment). */
  public static boolean isValidName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) return false;
    for (String segment : name.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches()) return false;
    }
    return true;
  }

  /**
   * The template's current source, re-checked on disk at most once per check interval.
   *
   * @throws IllegalArgumentException when the name is not acceptable
   */
  public Optional<Source> load(String name) {
    Entry entry = entries.get(name);
    long now = System.nanoTime();
    if (entry != null && now - entry.checkedAtNanos < checkIntervalNanos) {
      return Optional.ofNullable(entry.source);
    }
    Entry fresh = refresh(name, entry, now);
    entries.put(name, fresh);
    return Optional.ofNullable(fresh.source);
  }

  /** Reads the template straight from disk (for the editor), bypassing the reload interval. */
  public Optional<String> read(String name) {
    Path file = resolve(name);
    try {
      checkInside(file);
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("template " + name + ": " + e.getMessage(), e);
    }
  }

  /** Writes the template atomically (temporary file, then rename); renders see it at once. */
  public void write(String name, String text) {
    Path file = resolve(name);
    try {
      Files.createDirectories(file.getParent());
      checkInside(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".write-", ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
          Files.move(
              tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("template " + name + ": " + e.getMessage(), e);
    }
    entries.remove(name);
  }

  /** Deletes the template; false when there was none. */
  public boolean delete(String name) {
    Path file = resolve(name);
    try {
      checkInside(file.getParent());
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("template " + name + ": " + e.getMessage(), e);
    } finally {
      entries.remove(name);
    }
  }

  /** All template names, sorted. */
  public List<String> list() {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(TemplateDirectory::isValidName)
          .sorted()
          .forEach(names::add);
    } catch (IOException e) {
      throw new UncheckedIOException("template directory " + root + ": " + e.getMessage(), e);
    }
    return names;
  }

  /**
   * The file for a template name.
   *
   * @throws IllegalArgumentException when the name is not acceptable or leaves the directory
   */
  Path resolve(String name) {
    if (!isValidName(name)) {
      throw new IllegalArgumentException(
          "not a template name: '"
              + name
              + "' (relative path of letters, digits, '.', '_', '+', '-';"
              + " no segment may start with '.')");
    }
    Path file = root.resolve(name).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("template name leaves the directory: '" + name + "'");
    }
    return file;
  }

  private Entry refresh(String name, Entry previous, long now) {
    Path file = resolve(name);
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attrs.isRegularFile()) return new Entry(null, null, -1, now);
      if (previous != null
          && previous.source != null
          && attrs.lastModifiedTime().equals(previous.mtime)
          && attrs.size() == previous.size) {
        return new Entry(previous.source, previous.mtime, previous.size, now);
      }
      checkInside(file);
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Source source =
          previous != null && previous.source != null && previous.source.text().equals(text)
              ? previous.source
              : new Source(name, text, VERSIONS.incrementAndGet());
      return new Entry(source, attrs.lastModifiedTime(), attrs.size(), now);
    } catch (NoSuchFileException e) {
      return new Entry(null, null, -1, now);
    } catch (IOException e) {
      throw new UncheckedIOException("template " + name + ": " + e.getMessage(), e);
    }
  }

  /** Refuses a path that resolves (through symbolic links) outside the directory. */
  private void checkInside(Path path) throws IOException {
    if (Files.exists(path) && !path.toRealPath().startsWith(root)) {
      throw new IllegalArgumentException(
          "template path leaves the directory: '" + root.relativize(path) + "'");
    }
  }
}
