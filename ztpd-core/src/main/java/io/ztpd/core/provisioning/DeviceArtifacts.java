package io.ztpd.core.provisioning;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
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
    /**
     * @param artifact what to send
     * @param deviceId the device it was made for (its timeline records the delivery); null for the
     *     requester as the resolver identified it
     */
    record Ok(Artifact artifact, String deviceId) implements Made {
      public Ok(Artifact artifact) {
        this(artifact, null);
      }
    }

    /** ztpd should have made it and could not (a template error): HTTP 500. */
    record Error(String reason) implements Made {}

    /** Nothing at that path for that device, e.g. no target image: HTTP 404. */
    record Missing(String reason) implements Made {}

    /**
     * The path is this flow's, but the device it needs is not in the inventory: the resolver queues
     * it as an unknown device with these keys (serial / MAC from the path; the requester's address
     * is added) and, when a rule adopts it, asks again.
     */
    record Unknown(Identity keys) implements Made {}
  }
}
