package io.ztpd.vendors;

import io.ztpd.core.image.Image;
import io.ztpd.core.image.ImageRepository;
import io.ztpd.core.inventory.DeviceDirectory;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;

/**
 * The image a device should run: its own {@code target_image}, else its group's {@code
 * target_image} variable, looked up in the repository by name or version. A target that is named
 * but not in the repository is an answer of its own, so a flow can fail the device with that reason
 * instead of silently skipping the upgrade.
 */
public sealed interface TargetImage {
  /** No target: the device keeps what it runs. */
  record None() implements TargetImage {}

  record Found(Image image) implements TargetImage {}

  /** Named, but no image of that name or version (for the device's model) is in the repository. */
  record Missing(String wanted) implements TargetImage {}

  static TargetImage of(Device d, DeviceDirectory directory, ImageRepository images) {
    Group group = d.group() == null ? null : directory.group(d.group()).orElse(null);
    String wanted = d.targetImage();
    if ((wanted == null || wanted.isBlank()) && group != null) {
      Object v = group.variables().get("target_image");
      wanted = v == null ? null : v.toString();
    }
    if (wanted == null || wanted.isBlank()) return new None();
    return images.targetFor(d, group).<TargetImage>map(Found::new).orElse(new Missing(wanted));
  }
}
