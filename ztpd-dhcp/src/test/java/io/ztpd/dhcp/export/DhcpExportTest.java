package io.ztpd.dhcp.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Site;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.dhcp.export.DhcpExport.Format;
import io.ztpd.vendors.VendorProfiles;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DhcpExportTest {
  static final ServerContext CTX = new ServerContext("192.0.2.1", 8080, 0, 69, 0, 0, 0);
  static final Site DC1 =
      new Site(
          "dc1",
          "10.1.0.0/24",
          List.of("10.1.0.1"),
          List.of("10.1.0.10-10.1.0.100"),
          List.of("10.1.0.50-10.1.0.59"),
          "10.1.0.1",
          List.of("10.1.0.2"),
          "dc1.example",
          List.of("10.1.0.3"),
          List.of(),
          7200,
          null);
  static final Device EX1 =
      new Device(
          "ex1",
          "ex1",
          "PE1",
          "00:1c:73:aa:bb:cc",
          "juniper",
          null,
          null,
          null,
          null,
          "dc1",
          null,
          null,
          null,
          null,
          "10.1.0.200",
          Map.of());
  static final Device PNP =
      new Device(
          "c1",
          "c1",
          null,
          "00:1c:73:aa:bb:cd",
          "cisco-pnp",
          null,
          null,
          null,
          null,
          "dc1",
          null,
          null,
          null,
          null,
          null,
          Map.of("pnp_https", "false"));

  String export(Format f) {
    return DhcpExport.export(f, List.of(DC1), List.of(EX1, PNP), VendorProfiles.defaults(), CTX);
  }

  static String hex(String s) {
    return HexFormat.of().formatHex(s.getBytes());
  }

  @Test
  void keaJsonHasClassesSubnetPoolsWithoutExclusionsAndReservations() throws Exception {
    JsonNode root = new ObjectMapper().readTree(export(Format.KEA)).get("Dhcp4");
    JsonNode classes = root.get("client-classes");
    assertThat(classes.findValuesAsText("name"))
        .contains("ztpd-juniper", "ztpd-arista", "ztpd-cisco-pnp");
    JsonNode pnp = null;
    for (JsonNode c : classes) if (c.get("name").asText().equals("ztpd-cisco-pnp")) pnp = c;
    assertThat(pnp.get("test").asText()).isEqualTo("substring(option[60].text,0,8) == 'ciscopnp'");
    assertThat(pnp.get("option-data").get(0).get("code").asInt()).isEqualTo(43);
    assertThat(pnp.get("option-data").get(0).get("data").asText())
        .isEqualTo(hex("5A1N;K4;B2;I192.0.2.1;J8080"));
    JsonNode subnet = root.get("subnet4").get(0);
    assertThat(subnet.get("subnet").asText()).isEqualTo("10.1.0.0/24");
    assertThat(subnet.get("pools").findValuesAsText("pool"))
        .containsExactly("10.1.0.10 - 10.1.0.49", "10.1.0.60 - 10.1.0.100");
    assertThat(subnet.get("relay").get("ip-addresses").get(0).asText()).isEqualTo("10.1.0.1");
    JsonNode ex1 = subnet.get("reservations").get(0);
    assertThat(ex1.get("hw-address").asText()).isEqualTo("00:1c:73:aa:bb:cc");
    assertThat(ex1.get("ip-address").asText()).isEqualTo("10.1.0.200");
    assertThat(ex1.get("option-data").findValuesAsText("data"))
        .contains(hex("192.0.2.1"), "c0000201", "0a010003"); // 66, 150, site NTP for Juniper
  }

  @Test
  void iscConfDeclaresOptionsAndMatchesVendorClasses() {
    String conf = export(Format.ISC);
    assertThat(conf)
        .contains("option ztpd-opt-43 code 43 = string;")
        .contains(
            "class \"ztpd-juniper\" {\n  match if substring(option vendor-class-identifier, 0, 8) = \"Juniper-\";")
        .contains(
            "subnet 10.1.0.0 netmask 255.255.255.0 {\n  range 10.1.0.10 10.1.0.49;\n  range 10.1.0.60 10.1.0.100;")
        .contains("host ex1 {\n  hardware ethernet 00:1c:73:aa:bb:cc;\n  fixed-address 10.1.0.200;")
        .contains("option ztpd-opt-150 c0:00:02:01;");
  }

  @Test
  void dnsmasqTagsVendorsAndDevices() {
    String conf = export(Format.DNSMASQ);
    assertThat(conf)
        .contains("dhcp-range=set:dc1,10.1.0.10,10.1.0.49,255.255.255.0,7200s")
        .contains("dhcp-vendorclass=set:ztpd-arista,Arista")
        .contains("dhcp-userclass=set:ztpd-cisco-nxos,Cisco-POAP")
        .contains("dhcp-host=00:1c:73:aa:bb:cc,set:dev-ex1,10.1.0.200,ex1")
        .contains("dhcp-option-force=tag:dev-ex1,150,c0:00:02:01");
    assertThatThrownBy(() -> DhcpExport.format("bind")).hasMessageContaining("kea, isc, dnsmasq");
  }
}
