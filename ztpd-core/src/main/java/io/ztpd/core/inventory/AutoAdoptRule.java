package io.ztpd.core.inventory;

import io.ztpd.core.model.Identity;
import java.util.regex.Pattern;

/**
 * Adopts an unknown device without an operator when it matches (config {@code auto_adopt}). Null
 * patterns match anything; at least one must be set.
 *
 * @param vendor regex on the vendor profile id
 * @param model regex on the model
 * @param vendorClass regex on DHCP option 60
 * @param relay regex on the relay address
 * @param site site to put it in
 * @param group group, may be null
 * @param template minimal-config template, may be null (vendor default)
 * @param hostname hostname pattern: {@code {vendor}}, {@code {serial}}, {@code {mac}} are replaced
 */
public record AutoAdoptRule(
    Pattern vendor,
    Pattern model,
    Pattern vendorClass,
    Pattern relay,
    String site,
    String group,
    String template,
    String hostname) {

  public AutoAdoptRule {
    if (vendor == null && model == null && vendorClass == null && relay == null) {
      throw new IllegalArgumentException(
          "an auto-adopt rule needs vendor, model, vendor_class or relay");
    }
  }

  public boolean matches(Identity id) {
    return test(vendor, id.vendor())
        && test(model, id.model())
        && test(vendorClass, id.vendorClass())
        && test(relay, id.relay());
  }

  private static boolean test(Pattern p, String value) {
    return p == null || (value != null && p.matcher(value).matches());
  }

  public String hostnameFor(Identity id) {
    return DeviceFromIdentity.hostname(hostname, id);
  }
}
