package io.ztpd.core.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** sha256 and md5 of a file in one pass (a 1 GiB image is read once, not twice). */
public final class Checksums {
  private final MessageDigest sha256;
  private final MessageDigest md5;

  public Checksums() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK without SHA-256 / MD5", e);
    }
  }

  public void update(byte[] bytes, int offset, int length) {
    sha256.update(bytes, offset, length);
    md5.update(bytes, offset, length);
  }

  public void update(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    sha256.update(buffer);
    md5.update(copy);
  }

  /** Finishes both digests as lowercase hex: {sha256, md5}. */
  public String[] finish() {
    HexFormat hex = HexFormat.of();
    return new String[] {hex.formatHex(sha256.digest()), hex.formatHex(md5.digest())};
  }

  /** Hashes a whole file. */
  public static String[] ofFile(Path file) throws IOException {
    Checksums sums = new Checksums();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        sums.update(buffer);
        buffer.clear();
      }
    }
    return sums.finish();
  }

  /** sha256 of bytes in memory, lowercase hex. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
