package io.ztpd.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztpd.core.model.Identity;
import io.ztpd.core.vendor.DhcpReplyOptions;
import io.ztpd.core.vendor.DhcpRequestView;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VendorProfilesTest {
  static final ServerContext CTX = new ServerContext("192.0.2.1", 80, 443, 69, 0, 0, 514);

  /** A request carrying just the given options. */
  record Req(Map<Integer, byte[]> options, List<Integer> prl) implements DhcpRequestView {
    static Req of(int code, String text) {
      Map<Integer, byte[]> m = new HashMap<>();
      m.put(code, text.getBytes(StandardCharsets.ISO_8859_1));
      return new Req(m, List.of());
    }

    @Override
    public String mac() {
      return "00:1c:73:00:00:01";
    }

    @Override
    public String giaddr() {
      return null;
    }

    @Override
    public int messageType() {
      return 1;
    }

    @Override
    public Optional<byte[]> option(int code) {
      return Optional.ofNullable(options.get(code));
    }

    @Override
    public Optional<byte[]> relaySubOption(int code) {
      return Optional.empty();
    }

    @Override
    public boolean requested(int code) {
      return prl.contains(code);
    }
  }

  static Optional<Identity> classify(DhcpRequestView r) {
    for (VendorProfile p : VendorProfiles.defaults()) {
      Optional<Identity> id = p.classify(r);
      if (id.isPresent()) return id;
    }
    return Optional.empty();
  }

  @Test
  void eachVendorSignalPicksItsProfileWithSerialAndModel() {
    assertThat(classify(Req.of(60, "Juniper-qfx5100-48s-WS3718000001")))
        .hasValueSatisfying(
            i -> {
              assertThat(i.vendor()).isEqualTo("juniper");
              assertThat(i.model()).isEqualTo("qfx5100-48s");
              assertThat(i.serial()).isEqualTo("WS3718000001");
            });
    assertThat(classify(Req.of(60, "Arista;DCS-7280SR-48C6;11.00;JPE17001234")))
        .hasValueSatisfying(i -> assertThat(i.serial()).isEqualTo("JPE17001234"));
    assertThat(classify(Req.of(61, "SONiC##S6000-ON##CN0123")))
        .hasValueSatisfying(
            i -> {
              assertThat(i.vendor()).isEqualTo("sonic");
              assertThat(i.serial()).isEqualTo("CN0123");
            });
    assertThat(classify(Req.of(77, "Cisco-POAP")).map(Identity::vendor)).contains("cisco-nxos");
    assertThat(classify(Req.of(60, "ciscopnp")).map(Identity::vendor)).contains("cisco-pnp");
    assertThat(classify(Req.of(61, "cisco-001c.7300.0001-Gi0/0")).map(Identity::vendor))
        .contains("cisco-iosxe");
    assertThat(classify(Req.of(60, "HUAWEI CE6881")).map(Identity::model)).contains("CE6881");
    assertThat(classify(Req.of(60, "cumulus-linux x86_64")).map(Identity::vendor))
        .contains("cumulus");
    assertThat(classify(Req.of(60, "Aruba JL658A")).map(Identity::model)).contains("JL658A");
    assertThat(classify(new Req(Map.of(), List.of(143))).map(Identity::vendor)).contains("sztp");
    assertThat(classify(Req.of(60, "MSFT 5.0"))).isEmpty();
  }

  @Test
  void orderIsConfigurable() {
    List<String> ids =
        VendorProfiles.ordered(List.of("sztp", "huawei")).stream().map(VendorProfile::id).toList();
    assertThat(ids).startsWith("sztp", "huawei").hasSize(10).doesNotHaveDuplicates();
    assertThatThrownBy(() -> VendorProfiles.ordered(List.of("nokia")))
        .hasMessageContaining("nokia");
  }

  @Test
  void nxosRaisesAShortLeaseTo3600AndPnpUsesHttpsWhenAsked() {
    DhcpReplyOptions o = new DhcpReplyOptions().putInt(51, 600);
    new io.ztpd.vendors.cisco.CiscoNxosProfile()
        .addDhcpOptions(null, null, Req.of(77, "Cisco-POAP"), CTX, o);
    assertThat(o.get(51)).containsExactly(0, 0, 0x0e, 0x10);
    var device =
        new io.ztpd.core.model.Device(
            "c1",
            null,
            null,
            null,
            "cisco-pnp",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of("pnp_https", true));
    assertThat(io.ztpd.vendors.cisco.CiscoPnpProfile.option43(device, null, CTX))
        .isEqualTo("5A1N;K5;B2;I192.0.2.1;J443");
  }
}
