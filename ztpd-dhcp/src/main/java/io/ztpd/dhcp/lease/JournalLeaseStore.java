package io.ztpd.dhcp.lease;

import io.ztpd.core.lease.Lease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases in an append-only journal ({@code leases.journal} in the data directory) with group
 * commit: one writer thread takes everything queued since its last fsync, writes it in one go,
 * forces it to disk and only then completes the callers' futures. Under load one fsync covers
 * hundreds of leases; alone, a lease waits for one fsync.
 *
 * <p>On open the journal is replayed (a torn tail from a crash fails its CRC and is cut off) and
 * rewritten compacted — latest record per address, dropping those that ran out over a day ago —
 * through a temp file and an atomic rename. The writer compacts again (replaying the file) whenever
 * the journal grows past {@code compactBytes}.
 */
public final class JournalLeaseStore implements LeaseStore {
  private static final Logger log = LoggerFactory.getLogger(JournalLeaseStore.class);
  static final String FILE = "leases.journal";
  private static final Duration RETAIN_EXPIRED = Duration.ofDays(1);

  private record Pending(Lease lease, CompletableFuture<Void> done) {}

  private static final Pending STOP = new Pending(null, null);

  private final Path dir;
  private final Path file;
  private final long compactBytes;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final List<Lease> loaded;
  private final Thread writer;
  private FileChannel channel;
  private long size;

  private JournalLeaseStore(Path dir, long compactBytes) throws IOException {
    this.dir = dir;
    this.file = dir.resolve(FILE);
    this.compactBytes = compactBytes;
    Files.createDirectories(dir);
    Map<String, Lease> latest = replay();
    loaded = List.copyOf(latest.values());
    rewrite(latest);
    writer = Thread.ofPlatform().name("dhcp-lease-journal").daemon().start(this::writeLoop);
  }

  /** Opens (creating) the journal in {@code dataDir}; compacts past 64 MiB. */
  public static JournalLeaseStore open(Path dataDir) throws IOException {
    return new JournalLeaseStore(dataDir, 64L << 20);
  }

  static JournalLeaseStore open(Path dataDir, long compactBytes) throws IOException {
    return new JournalLeaseStore(dataDir, compactBytes);
  }

  @Override
  public List<Lease> load() {
    return loaded;
  }

  @Override
  public CompletableFuture<Void> append(Lease lease) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    if (!writer.isAlive()) {
      f.completeExceptionally(new IllegalStateException("lease journal is closed"));
      return f;
    }
    queue.add(new Pending(lease, f));
    return f;
  }

  /** The latest record per address; a torn or corrupt tail ends the replay. */
  private Map<String, Lease> replay() throws IOException {
    Map<String, Lease> latest = new LinkedHashMap<>();
    if (!Files.exists(file)) return latest;
    ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file));
    int good = 0;
    Lease l;
    while ((l = LeaseCodec.read(all)) != null) {
      latest.put(l.ip(), l);
      good = all.position();
    }
    if (good < all.limit()) {
      log.warn(
          "lease journal {}: ignored {} torn or corrupt bytes at its end",
          file,
          all.limit() - good);
    }
    return latest;
  }

  /** Writes {@code latest} to a fresh journal and swaps it in atomically. */
  private void rewrite(Map<String, Lease> latest) throws IOException {
    Instant cutoff = Instant.now().minus(RETAIN_EXPIRED);
    latest.values().removeIf(l -> l.expires().isBefore(cutoff));
    Path tmp = dir.resolve(FILE + ".tmp");
    ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    try (FileChannel out =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      for (Lease l : latest.values()) {
        if (buf.remaining() < LeaseCodec.MAX_RECORD) drain(out, buf);
        LeaseCodec.write(buf, l);
      }
      drain(out, buf);
      out.force(true);
    }
    if (channel != null) channel.close();
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory();
    channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    size = channel.size();
  }

  private void syncDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      log.debug("cannot fsync directory {}: {}", dir, e.toString()); // not supported everywhere
    }
  }

  private static void drain(FileChannel out, ByteBuffer buf) throws IOException {
    buf.flip();
    while (buf.hasRemaining()) out.write(buf);
    buf.clear();
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>(1024);
    ByteBuffer buf = ByteBuffer.allocateDirect(5 << 20);
    boolean stopping = false;
    while (!stopping) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, 1000); // 1001 records of at most 4 KiB fit the buffer
      if (batch.get(batch.size() - 1) == STOP || batch.contains(STOP)) {
        stopping = true;
        batch.remove(STOP);
      }
      try {
        buf.clear();
        for (Pending p : batch) LeaseCodec.write(buf, p.lease);
        buf.flip();
        while (buf.hasRemaining()) size += channel.write(buf);
        channel.force(false);
        for (Pending p : batch) p.done.complete(null);
      } catch (IOException | RuntimeException e) {
        log.error(
            "lease journal write failed; {} leases not acknowledged: {}",
            batch.size(),
            e.toString());
        for (Pending p : batch) p.done.completeExceptionally(e);
      }
      batch.clear();
      if (size > compactBytes) {
        try {
          rewrite(replay()); // re-reading keeps no second copy of every lease in memory
        } catch (IOException e) {
          log.error("lease journal compaction failed: {}", e.toString());
        }
      }
    }
  }

  @Override
  public void close() {
    if (writer.isAlive()) {
      queue.add(STOP);
      try {
        writer.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
