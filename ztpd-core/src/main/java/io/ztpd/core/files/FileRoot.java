package io.ztpd.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A directory whose files devices may fetch, and the one place a device-supplied path becomes a
 * file on disk.
 *
 * <p>Traversal is impossible by construction: the path is split into segments that are checked one
 * by one (no {@code ..}, no hidden names, no NUL / control characters / backslashes, no drive
 * letters, no absolute path), rebuilt under the root, and the real path (symlinks followed) must
 * still start with the real root. Percent-encoding is NOT decoded here: a protocol that encodes
 * (HTTP, URLs) decodes first with {@link PathText#percentDecode} and hands the decoded text here,
 * where it is checked like any other path — so {@code %2e%2e} arriving decoded as {@code ..} is
 * refused, and a doubly encoded {@code %252e} stays the literal, harmless name {@code %2e}.
 *
 * <p>Hidden names (a segment starting with '.') are refused: they are where the image repository
 * keeps its checksum cache, and where editors and git keep things no device should read.
 */
public final class FileRoot {
  /** Longest accepted path (characters) and segment, as Linux PATH_MAX / NAME_MAX. */
  static final int MAX_PATH = 4096;

  static final int MAX_SEGMENT = 255;

  private final Path root;

  /**
   * @param directory an existing directory; its real path becomes the root
   * @throws IOException if it does not exist or is not a directory
   */
  public FileRoot(Path directory) throws IOException {
    Objects.requireNonNull(directory, "directory");
    Path real = directory.toRealPath();
    if (!Files.isDirectory(real)) {
      throw new IOException("file root " + directory + " is not a directory");
    }
    this.root = real;
  }

  /** The real path of the root directory. */
  public Path root() {
    return root;
  }

  /** What a device path leads to. */
  public sealed interface Lookup permits Found, NotFound, Denied {}

  /**
   * A readable regular file inside the root.
   *
   * @param path real path (no symlinks left): open it with {@link LinkOption#NOFOLLOW_LINKS}
   * @param relative the normalised path relative to the root, '/' separated
   * @param size size in bytes when looked up
   */
  public record Found(Path path, String relative, long size) implements Lookup {}

  /** A well-formed path with nothing (or no regular file) behind it. */
  public record NotFound(String relative, String reason) implements Lookup {}

  /** A path that must not be served: the reason says why, for the log and the error reply. */
  public record Denied(String reason) implements Lookup {}

  /** Looks a device-supplied, already decoded, root-relative path up. */
  public Lookup resolve(String devicePath) {
    List<String> segments = new ArrayList<>();
    String problem = PathText.splitSafe(devicePath, segments);
    if (problem != null) {
      return new Denied(problem);
    }
    String relative = String.join("/", segments);
    Path candidate = root;
    for (String segment : segments) {
      candidate = candidate.resolve(segment);
    }
    if (!candidate.normalize().startsWith(root)) {
      return new Denied(
          "path leaves the file root"); // cannot happen after splitSafe; kept as a guard
    }
    Path real;
    try {
      real = candidate.toRealPath();
    } catch (NoSuchFileException e) {
      return new NotFound(relative, "no such file");
    } catch (IOException e) {
      return new Denied("cannot access: " + e.getClass().getSimpleName());
    }
    if (!real.startsWith(root)) {
      return new Denied("symbolic link leads outside the file root");
    }
    if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      return new NotFound(relative, "not a regular file");
    }
    if (!Files.isReadable(real)) {
      return new Denied("file is not readable");
    }
    try {
      return new Found(real, relative, Files.size(real));
    } catch (IOException e) {
      return new NotFound(relative, "vanished while looking it up");
    }
  }

  /** Where a new file would be created, for uploads that must never overwrite. */
  public sealed interface Creation permits Creatable, Exists, CreationDenied {}

  /**
   * @param path target inside an existing directory of the root (create it with CREATE_NEW)
   * @param relative normalised relative path
   */
  public record Creatable(Path path, String relative) implements Creation {}

  public record Exists(String relative) implements Creation {}

  public record CreationDenied(String reason) implements Creation {}

  /** Checks a path for a new file: well formed, parent directory inside the root, not existing. */
  public Creation resolveForCreate(String devicePath) {
    List<String> segments = new ArrayList<>();
    String problem = PathText.splitSafe(devicePath, segments);
    if (problem != null) {
      return new CreationDenied(problem);
    }
    String relative = String.join("/", segments);
    Path parent = root;
    for (String segment : segments.subList(0, segments.size() - 1)) {
      parent = parent.resolve(segment);
    }
    Path realParent;
    try {
      realParent = parent.toRealPath();
    } catch (IOException e) {
      return new CreationDenied("directory does not exist");
    }
    if (!realParent.startsWith(root) || !Files.isDirectory(realParent)) {
      return new CreationDenied("directory is outside the file root");
    }
    Path target = realParent.resolve(segments.get(segments.size() - 1));
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return new Exists(relative);
    }
    return new Creatable(target, relative);
  }
}
