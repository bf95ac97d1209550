package io.ztpd.vendors;

import io.ztpd.core.vendor.VendorContext;
import io.ztpd.core.vendor.VendorEndpoint;
import io.ztpd.vendors.arista.AristaEndpoint;
import io.ztpd.vendors.cisco.pnp.PnpEndpoint;
import java.util.List;

/** The vendor protocols ztpd speaks over HTTP, mounted by the web server on the paths they name. */
public final class VendorEndpoints {
  private VendorEndpoints() {}

  /** Cisco PnP ({@code /pnp/...}) and Arista ZTPServer ({@code /bootstrap}, {@code /nodes} ...). */
  public static List<VendorEndpoint> all(VendorContext ctx) {
    return List.of(new PnpEndpoint(ctx), new AristaEndpoint(ctx));
  }
}
