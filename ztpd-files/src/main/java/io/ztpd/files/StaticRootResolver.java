package io.ztpd.files;

import io.ztpd.core.files.FileRoot;
import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.ArtifactResolver;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Resolution;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a directory as is, to everyone: the file root without per-device artifacts. Used by the
 * standalone benchmark server and as the last fallback of a real resolver. One leading '/' is taken
 * as the root (TFTP clients and URLs send it); everything else goes through {@link FileRoot}.
 */
public final class StaticRootResolver implements ArtifactResolver {
  private static final Logger LOG = LoggerFactory.getLogger(StaticRootResolver.class);
  private final FileRoot root;

  public StaticRootResolver(FileRoot root) {
    this.root = root;
  }

  /** The device path relative to a root: one leading '/' removed, nothing else changed. */
  public static String rootRelative(String path) {
    return path != null && path.startsWith("/") ? path.substring(1) : path;
  }

  @Override
  public Resolution resolve(FetchRequest request) {
    return switch (root.resolve(rootRelative(request.path()))) {
      case FileRoot.Found f ->
          new Resolution.Found(
              new Artifact.FileRef(
                  f.path().getFileName().toString(),
                  f.path(),
                  f.size(),
                  "application/octet-stream",
                  ArtifactKind.STATIC,
                  null),
              null);
      case FileRoot.NotFound nf -> new Resolution.NotFound(nf.relative() + ": " + nf.reason());
      case FileRoot.Denied d -> new Resolution.Denied(d.reason());
    };
  }

  @Override
  public void started(FetchRequest request, Resolution.Found found) {
    LOG.debug(
        "{} {} started for {}", request.protocol().label(), request.path(), request.requesterIp());
  }

  @Override
  public void completed(FetchRequest request, Resolution.Found found, long bytes, Duration took) {
    LOG.debug(
        "{} {}: {} bytes in {} ms",
        request.protocol().label(),
        request.path(),
        bytes,
        took.toMillis());
  }

  @Override
  public void failed(FetchRequest request, Resolution.Found found, String reason) {
    LOG.info(
        "{} {} for {} failed: {}",
        request.protocol().label(),
        request.path(),
        request.requesterIp(),
        reason);
  }
}
