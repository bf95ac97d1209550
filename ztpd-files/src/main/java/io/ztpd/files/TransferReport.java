package io.ztpd.files;

import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactResolver;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Resolution;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells the resolver how a stream-based delivery (FTP, SFTP) went: started when opened, completed
 * when closed after every byte was read, failed otherwise. Reported exactly once. An in-memory
 * artifact (a configuration, a script) is recorded as delivered when opened, before its bytes
 * leave, as over HTTP and TFTP: recorded at close, a kill -9 in between would leave a device
 * holding a configuration ztpd has no record of delivering.
 */
public final class TransferReport {
  private final ArtifactResolver resolver;
  private final FetchRequest request;
  private final Resolution.Found found;
  private final long begin = System.nanoTime();
  private final long firstOffset;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicBoolean finished = new AtomicBoolean();
  private final boolean recordedFirst;

  public TransferReport(
      ArtifactResolver resolver, FetchRequest request, Resolution.Found found, long firstOffset) {
    this.resolver = resolver;
    this.request = request;
    this.found = found;
    this.firstOffset = firstOffset;
    resolver.started(request, found);
    recordedFirst = found.artifact() instanceof Artifact.Content;
    if (recordedFirst) resolver.completed(request, found, found.artifact().size(), Duration.ZERO);
  }

  public void add(long n) {
    if (n > 0) {
      bytes.addAndGet(n);
    }
  }

  /** The reader closed its stream / handle. */
  public void closed() {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    long size = found.artifact().size();
    long delivered = bytes.get();
    if (firstOffset + delivered >= size) {
      if (!recordedFirst) {
        resolver.completed(request, found, delivered, Duration.ofNanos(System.nanoTime() - begin));
      }
    } else {
      resolver.failed(
          request, found, "closed after " + (firstOffset + delivered) + " of " + size + " bytes");
    }
  }
}
