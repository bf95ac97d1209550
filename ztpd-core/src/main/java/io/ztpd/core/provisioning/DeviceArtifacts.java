package io.ztpd.core.provisioning;

import io.ztpd.core.model.Device;
import java.util.Optional;

/**
 * Makes the per-device artifacts: the rendered minimal config, and whatever a vendor flow asks for
 * by name (bootstrap scripts, intermediate files, ztp.json ...). Implemented with the template
 * engine and the vendor profiles; the resolver only decides <em>who</em> is asking.
 */
public interface DeviceArtifacts {
  /** The device's minimal configuration, or why it cannot be made. */
  Made config(Device device);

  /**
   * A vendor-flow artifact at {@code path} for {@code device} (null when the requester is not known
   * yet, e.g. an intermediate file listing many devices). Empty when the path is not one of them.
   */
  Optional<Made> vendorArtifact(Device device, String path, FetchRequest request);

  /** The outcome of making an artifact. */
  sealed interface Made {
    record Ok(Artifact artifact) implements Made {}

    record Error(String reason) implements Made {}
  }
}
