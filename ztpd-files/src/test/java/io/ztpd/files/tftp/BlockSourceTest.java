package io.ztpd.files.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockSourceTest {
  @TempDir Path tmp;

  @Test
  void readAheadReturnsExactlyTheFileAtAnyOffsetAndBlockSize() throws Exception {
    byte[] data = new byte[BlockSource.File.READ_AHEAD * 2 + 12345];
    new Random(5).nextBytes(data);
    Path file = Files.write(tmp.resolve("f"), data);
    Random r = new Random(9);
    try (BlockSource source = BlockSource.open(file)) {
      assertThat(source.size()).isEqualTo(data.length);
      for (int blksize : new int[] {8, 512, 1468, 65464, BlockSource.File.READ_AHEAD + 1}) {
        // forward, like a transfer, with a step back now and then, like a retransmission
        for (long offset = 0; offset < data.length + blksize; offset += blksize) {
          if (r.nextInt(10) == 0 && offset >= 3L * blksize) {
            offset -= 3L * blksize;
          }
          ByteBuffer dst = ByteBuffer.allocateDirect(4 + blksize).position(4);
          int n = source.read(offset, dst);
          int expected = (int) Math.max(0, Math.min(blksize, data.length - offset));
          assertThat(n).as("blksize %d offset %d", blksize, offset).isEqualTo(expected);
          byte[] got = new byte[n];
          dst.get(4, got);
          assertThat(got)
              .isEqualTo(
                  Arrays.copyOfRange(
                      data,
                      (int) Math.min(offset, data.length),
                      (int) Math.min(offset, data.length) + n));
        }
      }
    }
  }
}
