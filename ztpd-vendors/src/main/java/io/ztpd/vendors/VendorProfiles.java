package io.ztpd.vendors;

import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.vendors.arista.AristaProfile;
import io.ztpd.vendors.aruba.ArubaCxProfile;
import io.ztpd.vendors.cisco.CiscoIosXeProfile;
import io.ztpd.vendors.cisco.CiscoNxosProfile;
import io.ztpd.vendors.cisco.CiscoPnpProfile;
import io.ztpd.vendors.cumulus.CumulusProfile;
import io.ztpd.vendors.huawei.HuaweiProfile;
import io.ztpd.vendors.juniper.JuniperProfile;
import io.ztpd.vendors.sonic.SonicProfile;
import io.ztpd.vendors.sztp.SztpProfile;
import java.util.ArrayList;
import java.util.List;

/** The built-in vendor profiles and their classification order. */
public final class VendorProfiles {
  private VendorProfiles() {}

  /**
   * Every profile, in the default classification order: the most specific signals first (NX-OS
   * option 77, PnP's exact option 60), generic RFC 8572 SZTP last.
   */
  public static List<VendorProfile> defaults() {
    return List.of(
        new CiscoNxosProfile(),
        new CiscoPnpProfile(),
        new CiscoIosXeProfile(),
        new JuniperProfile(),
        new AristaProfile(),
        new SonicProfile(),
        new CumulusProfile(),
        new ArubaCxProfile(),
        new HuaweiProfile(),
        new SztpProfile());
  }

  /**
   * The profiles in a configured order ({@code dhcp.profile_order}); profiles not named keep their
   * default order after the named ones.
   *
   * @throws IllegalArgumentException for an unknown profile id
   */
  public static List<VendorProfile> ordered(List<String> ids) {
    List<VendorProfile> all = new ArrayList<>(defaults());
    List<VendorProfile> out = new ArrayList<>();
    for (String id : ids) {
      VendorProfile p =
          all.stream()
              .filter(v -> v.id().equals(id))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalArgumentException("unknown vendor profile '" + id + "'"));
      all.remove(p);
      out.add(p);
    }
    out.addAll(all);
    return List.copyOf(out);
  }
}
