package io.ztpd.core.inventory;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Mac;
import io.ztpd.core.model.Site;
import java.util.List;
import java.util.Optional;

/**
 * Read side of the inventory that the protocol modules use on their hot paths: in-memory indexes,
 * refreshed whenever the inventory changes.
 */
public interface DeviceDirectory {
  /** The inventory device these keys belong to (serial, then MAC, client-id, relay port). */
  Optional<Device> match(Identity identity);

  Optional<Device> byId(String id);

  /**
   * The device a path or URL names by one key: its id, else its serial, else its MAC (e.g. {@code
   * config/<key>}, a ZTPServer node id). Empty for a null or blank key.
   */
  default Optional<Device> byKey(String key) {
    if (key == null || key.isBlank()) return Optional.empty();
    Optional<Device> d = byId(key);
    if (d.isEmpty()) d = match(Identity.ofSerial(key));
    if (d.isEmpty() && Mac.isMac(key)) d = match(Identity.ofMac(key));
    return d;
  }

  /** Every device, for scans off the hot path (e.g. matching a switch by its LLDP neighbours). */
  List<Device> devices();

  /** The site whose relay list contains {@code relayIp}, else whose subnet contains it. */
  Optional<Site> siteFor(String relayOrClientIp);

  Optional<Site> site(String name);

  List<Site> sites();

  Optional<Group> group(String name);

  /**
   * A device not in the inventory showed up: queue it (or adopt it by rule) and tell the caller
   * whether to serve it.
   */
  UnknownDecision unknown(Identity identity, String source);

  /** The outcome for an unknown device. */
  sealed interface UnknownDecision {
    /** Serve it as an unknown device (it waits in the pending queue). */
    record Hold(String pendingId) implements UnknownDecision {}

    /** Do not answer it (policy ignore, or rejected by an operator). */
    record Ignore(String reason) implements UnknownDecision {}

    /** An auto-adopt rule made it a device: serve it as that device. */
    record Adopted(Device device) implements UnknownDecision {}
  }
}
