package io.ztpd.core.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A software image in the repository.
 *
 * @param name file name, unique in the repository (what devices fetch)
 * @param version software version it installs, null when unknown
 * @param models hardware models it is for; empty means any model
 * @param size bytes
 * @param sha256 lowercase hex
 * @param md5 lowercase hex (NX-OS POAP and older flows still ask for it)
 * @param path where it lives on disk
 */
public record Image(
    String name,
    String version,
    List<String> models,
    long size,
    String sha256,
    String md5,
    Path path) {
  public Image {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    models = models == null ? List.of() : List.copyOf(models);
  }

  /** Whether this image is meant for the given model (an image without models fits every model). */
  public boolean fitsModel(String model) {
    return models.isEmpty()
        || model == null
        || models.stream().anyMatch(m -> m.equalsIgnoreCase(model.trim()));
  }
}
