package io.ztpd.files.tftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes of one transfer, read by position so a retransmission re-reads a block instead of keeping
 * the window in memory.
 */
sealed interface BlockSource extends AutoCloseable {
  long size();

  /** Fills {@code dst} from {@code offset} up to its limit or the end; returns bytes read. */
  int read(long offset, ByteBuffer dst) throws IOException;

  @Override
  void close() throws IOException;

  static BlockSource of(byte[] bytes) {
    return new Memory(bytes);
  }

  static BlockSource open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    return new File(channel, channel.size());
  }

  record Memory(byte[] bytes) implements BlockSource {
    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public int read(long offset, ByteBuffer dst) {
      int n = (int) Math.max(0, Math.min(dst.remaining(), bytes.length - offset));
      dst.put(bytes, (int) offset, n);
      return n;
    }

    @Override
    public void close() {}
  }

  /** A file read with positional reads (no shared position, page cache, no heap copy). */
  record File(FileChannel channel, long size) implements BlockSource {
    @Override
    public int read(long offset, ByteBuffer dst) throws IOException {
      int total = 0;
      while (dst.hasRemaining()) {
        int n = channel.read(dst, offset + total);
        if (n < 0) {
          break;
        }
        total += n;
      }
      return total;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
