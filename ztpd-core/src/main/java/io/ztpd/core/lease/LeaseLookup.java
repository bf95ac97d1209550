package io.ztpd.core.lease;

import java.util.List;
import java.util.Optional;

/**
 * Read side of the leases, for the resolver (who is fetching from this address?), the API and the
 * board. Implemented by the built-in DHCP server, and by the external-lease feed.
 */
public interface LeaseLookup {
  /** The active lease on {@code ip}, if any. */
  Optional<Lease> byIp(String ip);

  /** The newest lease held by a device. */
  Optional<Lease> byDevice(String deviceId);

  /** All known leases, newest first. */
  List<Lease> all();

  /** No leases at all: for when the built-in DHCP server is off and nothing reports leases. */
  LeaseLookup NONE =
      new LeaseLookup() {
        @Override
        public Optional<Lease> byIp(String ip) {
          return Optional.empty();
        }

        @Override
        public Optional<Lease> byDevice(String deviceId) {
          return Optional.empty();
        }

        @Override
        public List<Lease> all() {
          return List.of();
        }
      };
}
