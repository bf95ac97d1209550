package io.ztpd.app.server;

import io.ztpd.core.files.FileRoot;
import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.FileSource;
import io.ztpd.core.provisioning.Resolution;
import java.util.Locale;

/**
 * The static file root as a {@link FileSource}: traversal is refused by {@link FileRoot} itself.
 */
final class FileRootSource implements FileSource {
  private final FileRoot root;

  FileRootSource(FileRoot root) {
    this.root = root;
  }

  @Override
  public Resolution resolve(String relativePath) {
    return switch (root.resolve(relativePath)) {
      case FileRoot.Found f ->
          new Resolution.Found(
              new Artifact.FileRef(
                  name(f.relative()),
                  f.path(),
                  f.size(),
                  contentType(f.relative()),
                  ArtifactKind.STATIC,
                  null),
              null);
      case FileRoot.NotFound n -> new Resolution.NotFound(n.reason());
      case FileRoot.Denied d -> new Resolution.Denied(d.reason());
    };
  }

  private static String name(String relative) {
    return relative.substring(relative.lastIndexOf('/') + 1);
  }

  static String contentType(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".json")) return "application/json";
    if (n.endsWith(".py")
        || n.endsWith(".sh")
        || n.endsWith(".cfg")
        || n.endsWith(".conf")
        || n.endsWith(".txt")
        || n.endsWith(".ini")
        || n.endsWith(".md5")
        || n.endsWith(".sha256")
        || n.endsWith("-confg")) {
      return "text/plain; charset=utf-8";
    }
    if (n.endsWith(".xml")) return "application/xml";
    return "application/octet-stream";
  }
}
