package io.ztpd.web.ztp;

import io.javalin.http.Context;
import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactResolver;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Resolution;
import java.io.IOException;
import java.time.Duration;

/**
 * Sends a found artifact and records its delivery: in-memory content just before its bytes leave
 * (see {@link ArtifactResponder#respond}), a file once it was sent completely.
 */
final class ArtifactDelivery {
  private ArtifactDelivery() {}

  static void send(
      Context c, ArtifactResolver resolver, FetchRequest req, Resolution.Found f, boolean head)
      throws IOException {
    long t0 = System.nanoTime();
    boolean inMemory = f.artifact() instanceof Artifact.Content;
    Runnable done =
        () ->
            resolver.completed(
                req, f, f.artifact().size(), Duration.ofNanos(System.nanoTime() - t0));
    try {
      long sent = ArtifactResponder.respond(c, f.artifact(), head, inMemory ? done : () -> {});
      if (!inMemory && sent > 0) {
        resolver.completed(req, f, sent, Duration.ofNanos(System.nanoTime() - t0));
      }
    } catch (IOException e) {
      resolver.failed(req, f, "client went away: " + e.getMessage());
      throw e;
    }
  }
}
