package io.ztpd.core.provisioning;

import java.nio.file.Path;

/** Something a device fetches: bytes made for it, or a file on disk served as is. */
public sealed interface Artifact permits Artifact.Content, Artifact.FileRef {
  /** File name as the device asked for it (last path segment). */
  String name();

  long size();

  String contentType();

  ArtifactKind kind();

  /** Hex sha256 when known (always for content; for files when the image repository has it). */
  String sha256();

  /** Rendered or generated in memory. */
  record Content(String name, byte[] bytes, String contentType, ArtifactKind kind, String sha256)
      implements Artifact {
    @Override
    public long size() {
      return bytes.length;
    }
  }

  /** A file on disk, to be sent without copying through the heap where the protocol allows. */
  record FileRef(
      String name, Path path, long size, String contentType, ArtifactKind kind, String sha256)
      implements Artifact {}
}
