package io.ztpd.core.model;

/**
 * The keys a device presents when it shows up (DHCP, HTTP, PnP hello, syslog ...). Any may be null.
 *
 * @param mac normalised MAC
 * @param serial serial number the device claims
 * @param clientId DHCP option 61 as text
 * @param vendorClass DHCP option 60 as text
 * @param model hardware model
 * @param vendor vendor profile id when a profile classified it
 * @param circuitId option 82 circuit-id as text
 * @param remoteId option 82 remote-id as text
 * @param relay relay address (giaddr)
 * @param ip the device's current address when known
 */
public record Identity(
    String mac,
    String serial,
    String clientId,
    String vendorClass,
    String model,
    String vendor,
    String circuitId,
    String remoteId,
    String relay,
    String ip) {

  public static Identity ofMac(String mac) {
    return new Identity(Mac.normalize(mac), null, null, null, null, null, null, null, null, null);
  }

  public static Identity ofSerial(String serial) {
    return new Identity(null, serial, null, null, null, null, null, null, null, null);
  }

  public Identity withIp(String newIp) {
    return new Identity(
        mac, serial, clientId, vendorClass, model, vendor, circuitId, remoteId, relay, newIp);
  }

  /** The keys of {@code this}, filled in with those of {@code other} where this one has none. */
  public Identity merge(Identity other) {
    if (other == null) return this;
    return new Identity(
        or(mac, other.mac),
        or(serial, other.serial),
        or(clientId, other.clientId),
        or(vendorClass, other.vendorClass),
        or(model, other.model),
        or(vendor, other.vendor),
        or(circuitId, other.circuitId),
        or(remoteId, other.remoteId),
        or(relay, other.relay),
        or(ip, other.ip));
  }

  /** A short human label: serial, else MAC, else client-id, else ip. */
  public String label() {
    return or(serial, or(mac, or(clientId, or(ip, "unidentified"))));
  }

  private static String or(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
