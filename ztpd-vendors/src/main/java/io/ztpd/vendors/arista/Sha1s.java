package io.ztpd.vendors.arista;

import io.ztpd.core.provisioning.Artifact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-1 of what {@code /meta} describes (ZTPServer's metadata is {@code size} + {@code sha1}).
 * Files are hashed once per size and modification time: an image of a gigabyte is read once, not
 * once per switch.
 */
final class Sha1s {
  private record Key(Path path, long size, long modified) {}

  private final Map<Key, String> files = new ConcurrentHashMap<>();

  String of(Artifact a) throws IOException {
    return switch (a) {
      case Artifact.Content c -> hex(c.bytes());
      case Artifact.FileRef f -> {
        Key k =
            new Key(f.path(), Files.size(f.path()), Files.getLastModifiedTime(f.path()).toMillis());
        String cached = files.get(k);
        if (cached != null) yield cached;
        String sum = file(f.path());
        if (files.size() > 10_000) files.clear(); // a bound, not a policy: re-hashing is correct
        files.put(k, sum);
        yield sum;
      }
    };
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static String file(Path p) throws IOException {
    MessageDigest md = digest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(p)) {
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }
}
