package io.ztpd.core.provisioning;

import io.ztpd.core.image.Checksums;
import io.ztpd.core.image.Image;
import io.ztpd.core.model.Device;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import java.nio.charset.StandardCharsets;

/** Small factories for the artifacts vendor profiles make. */
public final class Artifacts {
  private Artifacts() {}

  /** Generated text (UTF-8) made for {@code device} (null: not tied to one device). */
  public static Made text(
      String name, String text, String contentType, ArtifactKind kind, Device device) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new Made.Ok(
        new Artifact.Content(name, bytes, contentType, kind, Checksums.sha256Hex(bytes)),
        device == null ? null : device.id());
  }

  /** An image from the repository, sent from disk, on {@code device}'s timeline. */
  public static Made image(Image image, Device device) {
    return new Made.Ok(
        new Artifact.FileRef(
            image.name(),
            image.path(),
            image.size(),
            "application/octet-stream",
            ArtifactKind.IMAGE,
            image.sha256()),
        device == null ? null : device.id());
  }

  /**
   * The same made artifact under the name the device asked for ({@code leaf1-confg} rather than
   * {@code leaf1.cfg}); errors pass through.
   */
  public static Made named(Made made, String name) {
    if (made instanceof Made.Ok ok && ok.artifact() instanceof Artifact.Content c) {
      return new Made.Ok(
          new Artifact.Content(name, c.bytes(), c.contentType(), c.kind(), c.sha256()),
          ok.deviceId());
    }
    return made;
  }
}
