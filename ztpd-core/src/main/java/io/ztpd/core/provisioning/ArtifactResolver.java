package io.ztpd.core.provisioning;

import java.time.Duration;

/**
 * The one place every file protocol asks "what does this requester get for this path?", and tells
 * how the delivery went so it lands on the device's timeline.
 */
public interface ArtifactResolver {
  Resolution resolve(FetchRequest request);

  /** A transfer of a found artifact began (TFTP and other slow transfers report it). */
  void started(FetchRequest request, Resolution.Found found);

  /** The artifact was delivered completely. */
  void completed(FetchRequest request, Resolution.Found found, long bytes, Duration took);

  /** The transfer failed: client vanished, timeout, error from the client ... */
  void failed(FetchRequest request, Resolution.Found found, String reason);
}
