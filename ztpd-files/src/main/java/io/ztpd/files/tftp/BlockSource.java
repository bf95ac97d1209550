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
sealed interface BlockSource extends AutoCloseable permits BlockSource.Memory, BlockSource.File {
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

  /**
   * A file read with positional reads into a read-ahead buffer of many blocks: one pread per {@link
   * #READ_AHEAD} bytes instead of one per block (a lock-step transfer pays every system call once
   * per round trip). A retransmission outside the buffer simply refills it.
   */
  final class File implements BlockSource {
    static final int READ_AHEAD = 256 << 10;
    private final FileChannel channel;
    private final long size;
    private final ByteBuffer cache = ByteBuffer.allocateDirect(READ_AHEAD);
    private long cacheStart = -1;
    private int cacheLength;

    File(FileChannel channel, long size) {
      this.channel = channel;
      this.size = size;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public int read(long offset, ByteBuffer dst) throws IOException {
      int wanted = dst.remaining();
      if (wanted >= READ_AHEAD / 16) {
        return readDirect(offset, dst); // big blocks: the copy would cost more than the call saved
      }
      boolean covered =
          cacheStart >= 0
              && offset >= cacheStart
              && (offset + wanted <= cacheStart + cacheLength || cacheLength < READ_AHEAD);
      if (!covered) {
        cache.clear();
        cacheLength = readDirect(offset, cache);
        cacheStart = offset;
      }
      int from = (int) (offset - cacheStart);
      int n = Math.max(0, Math.min(wanted, cacheLength - from));
      dst.put(dst.position(), cache, from, n);
      dst.position(dst.position() + n);
      return n;
    }

    private int readDirect(long offset, ByteBuffer dst) throws IOException {
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
