package io.ztpd.core.vendor;

import java.util.List;
import java.util.Map;

/**
 * A vendor protocol spoken over HTTP (Cisco PnP's XML exchange, Arista's ZTPServer API): the
 * protocol logic lives in ztpd-vendors, the HTTP server in ztpd-web mounts it on the paths it names
 * and hands it each request as plain data.
 *
 * <p>Implementations are called concurrently (one virtual thread per request) and must not block on
 * anything but the store.
 */
public interface VendorEndpoint {
  /** Short name for logs and metrics, e.g. {@code "cisco-pnp"}. */
  String id();

  /**
   * The paths this endpoint answers: an exact path ({@code /bootstrap}) or a prefix ending in a
   * slash ({@code /pnp/}, every path below it). Two endpoints may not claim the same path.
   */
  List<String> paths();

  /**
   * Largest request body it accepts; larger bodies get 413 without reaching {@link #handle}. Device
   * protocol messages (PnP XML, node facts) are a few kilobytes.
   */
  default long maxBodyBytes() {
    return 256 * 1024;
  }

  /**
   * Answers one request. Bad input is answered (400 with a specific message), not thrown; an
   * exception is a bug and becomes a 500.
   */
  VendorResponse handle(VendorRequest request);

  /** Named counters for {@code /metrics} (malformed messages, unknown devices ...). */
  default Map<String, Long> counters() {
    return Map.of();
  }
}
