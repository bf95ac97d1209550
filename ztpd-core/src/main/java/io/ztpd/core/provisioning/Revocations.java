package io.ztpd.core.provisioning;

import io.ztpd.core.inventory.DeviceDirectory;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.model.Device;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Devices whose artifacts the resolver refuses. The built-in rule ({@link #afterFailure}) needs no
 * storage of its own: it is read from the device's folded state, which survives restarts.
 */
@FunctionalInterface
public interface Revocations {
  /** Why the device's artifacts are refused, or empty when they are not. */
  Optional<Revoked> revoked(String deviceId);

  /**
   * @param reason the sentence a device (and the operator) sees
   * @param shownFailed whether the device's state already says failed (else the refusal marks it)
   */
  record Revoked(String reason, boolean shownFailed) {}

  Revocations NONE = id -> Optional.empty();

  /**
   * A device of one of {@code vendors} that failed since its last operator reset has its artifacts
   * revoked until the next reset. "Failed since the last reset" is exactly: its phase is {@code
   * failed}, or its attempt counter is above 1 (only leaving {@code failed} raises it, and a reset
   * sets it back to 1) — so a device that retries DHCP after its failure stays refused.
   */
  static Revocations afterFailure(
      DeviceDirectory directory, Function<String, DeviceStatus> status, Set<String> vendors) {
    Set<String> revoking = Set.copyOf(vendors);
    return id -> {
      if (revoking.isEmpty()) return Optional.empty();
      String vendor = directory.byId(id).map(Device::vendor).orElse(null);
      if (vendor == null || !revoking.contains(vendor)) return Optional.empty();
      DeviceStatus s = status.apply(id);
      String reset = "; an operator reset (ztpd devices reset " + id + ") restores them";
      if (s.phase() == Phase.FAILED) {
        String why = s.failureReason() == null ? "failure" : s.failureReason();
        String step =
            s.failureStep() == null || s.failureStep().isBlank()
                ? ""
                : " at step " + s.failureStep();
        return Optional.of(
            new Revoked(
                "artifacts of "
                    + id
                    + " are revoked after its reported failure"
                    + step
                    + " ("
                    + why
                    + ")"
                    + reset,
                true));
      }
      if (s.attempt() > 1) {
        return Optional.of(
            new Revoked(
                "artifacts of "
                    + id
                    + " are revoked: it failed on an earlier attempt (now attempt "
                    + s.attempt()
                    + ")"
                    + reset,
                false));
      }
      return Optional.empty();
    };
  }
}
