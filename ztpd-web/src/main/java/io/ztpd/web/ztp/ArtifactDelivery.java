package io.ztpd.web.ztp;

import io.javalin.http.Context;
import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactResolver;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Resolution;
import java.io.IOException;
import java.time.Duration;

/**
 * Sends a found artifact from a Javalin route (vendor endpoints) and records its delivery:
 * in-memory content just before its bytes leave (Jetty completes a response the moment
 * Content-Length bytes are written), a file once it was sent completely. The hot path of device
 * fetches under {@code /ztp/} is {@link ProvisioningHandler}, which does the same without holding a
 * thread.
 */
final class ArtifactDelivery {
  private ArtifactDelivery() {}

  static void send(
      Context c, ArtifactResolver resolver, FetchRequest req, Resolution.Found f, boolean head)
      throws IOException {
    long t0 = System.nanoTime();
    ByteRange body = ArtifactResponder.headers(c.req(), c.res(), f.artifact(), head);
    if (body == null) return;
    boolean inMemory = f.artifact() instanceof Artifact.Content;
    if (inMemory) resolver.completed(req, f, body.length(), since(t0));
    try {
      ArtifactResponder.body(c.res(), f.artifact(), body);
    } catch (IOException e) {
      resolver.failed(req, f, "client went away: " + e.getMessage());
      throw e;
    }
    if (!inMemory) resolver.completed(req, f, body.length(), since(t0));
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }
}
