package io.ztpd.core.image;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sidecar file ({@code .ztpd-images.json}, hidden so no device can fetch it) remembering each
 * image's checksums and metadata, keyed by name and valid while size and mtime are unchanged — a
 * restart does not rehash a 1 GiB image.
 */
final class ChecksumCache {
  static final String FILE_NAME = ".ztpd-images.json";

  /** One image as remembered. */
  record Entry(
      String name,
      String version,
      List<String> models,
      long size,
      long mtimeMillis,
      String sha256,
      String md5) {
    boolean matches(long size, long mtimeMillis) {
      return this.size == size && this.mtimeMillis == mtimeMillis;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  ChecksumCache(Path directory) {
    this.file = directory.resolve(FILE_NAME);
  }

  /** Loads the cache; a missing or unreadable cache is empty (everything is rehashed once). */
  Map<String, Entry> load() {
    Map<String, Entry> out = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try {
      List<Entry> entries = JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() {});
      for (Entry e : entries) {
        out.put(e.name(), e);
      }
    } catch (IOException e) {
      // A corrupt cache costs one rehash, never a failed start.
      System.getLogger(ChecksumCache.class.getName())
          .log(System.Logger.Level.WARNING, "ignoring unreadable " + file + ": " + e.getMessage());
    }
    return out;
  }

  void save(Map<String, Entry> entries) throws IOException {
    Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), List.copyOf(entries.values()));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
