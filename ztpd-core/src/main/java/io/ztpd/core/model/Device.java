package io.ztpd.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * A device the operator planned (or adopted): the keys it is known by, where it belongs and what it
 * gets.
 *
 * <p>Identity keys are all optional except the id; a device is matched by whichever keys it
 * presents (see {@code io.ztpd.core.inventory.DeviceMatcher}). {@code variables} feed its
 * templates.
 *
 * @param id stable identifier (slug), unique
 * @param hostname the hostname given to the device
 * @param serial declared serial number (may be temporary; the serial check compares against it)
 * @param mac normalised MAC (lowercase, colon separated), see {@link Mac}
 * @param vendor vendor profile id ("juniper", "cisco-iosxe", ...), may be null when unknown
 * @param model hardware model, may be null
 * @param clientId DHCP client identifier (option 61) as text, may be null
 * @param circuitId relay agent circuit-id (option 82.1) as text, may be null
 * @param remoteId relay agent remote-id (option 82.2) as text, may be null
 * @param site site name, may be null (then the site is chosen by the relay / subnet)
 * @param group group name, may be null
 * @param template minimal-config template name, may be null (then the vendor default)
 * @param finalTemplate final-config template name, may be null
 * @param targetImage image name or version the device should run, may be null
 * @param fixedIp reserved address, may be null
 * @param variables per-device template variables
 */
public record Device(
    String id,
    String hostname,
    String serial,
    String mac,
    String vendor,
    String model,
    String clientId,
    String circuitId,
    String remoteId,
    String site,
    String group,
    String template,
    String finalTemplate,
    String targetImage,
    String fixedIp,
    Map<String, Object> variables) {

  public Device {
    Objects.requireNonNull(id, "id");
    mac = mac == null || mac.isBlank() ? null : Mac.normalize(mac);
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }

  public Device withSerial(String newSerial) {
    return new Device(
        id,
        hostname,
        newSerial,
        mac,
        vendor,
        model,
        clientId,
        circuitId,
        remoteId,
        site,
        group,
        template,
        finalTemplate,
        targetImage,
        fixedIp,
        variables);
  }
}
