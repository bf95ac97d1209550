package io.ztpd.dhcp.server;

import static io.ztpd.dhcp.testing.TestPackets.ascii;
import static io.ztpd.dhcp.testing.TestPackets.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.event.EventKind;
import io.ztpd.core.model.Device;
import io.ztpd.dhcp.wire.DhcpPacket;
import io.ztpd.dhcp.wire.DhcpWriter;
import io.ztpd.vendors.VendorProfiles;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A DISCOVER per vendor and the exact option bytes of the OFFER (PROTOCOLS.md). */
class VendorOfferTest {
  static final String MAC = "00:1c:73:00:00:01";
  final HandlerRig rig = new HandlerRig(VendorProfiles.defaults(), DhcpHandlerTest.LAB);

  static String hex(String ascii) {
    return HexFormat.of().formatHex(ascii(ascii));
  }

  static String tlv(int code, String ascii) {
    return String.format("%02x%02x", code, ascii.length()) + hex(ascii);
  }

  /** Options in wire order, code → hex value. */
  static Map<Integer, String> options(DhcpPacket p) {
    byte[] b = p.raw();
    Map<Integer, String> out = new LinkedHashMap<>();
    for (int i = 240; i < b.length && (b[i] & 0xff) != 255; ) {
      int code = b[i] & 0xff;
      int len = b[i + 1] & 0xff;
      out.put(code, HexFormat.of().formatHex(b, i + 2, i + 2 + len));
      i += 2 + len;
    }
    return out;
  }

  Map<Integer, String> offer(DhcpWriter discover, String vendor) {
    DhcpPacket offer = rig.exchange(discover);
    assertThat(offer).as("offer for " + vendor).isNotNull();
    assertThat(rig.events.of(EventKind.DHCP_OFFER).getLast().data())
        .containsEntry("vendor", vendor);
    return options(offer);
  }

  static DhcpWriter discover(int... prl) {
    byte[] list = new byte[prl.length];
    for (int i = 0; i < prl.length; i++) list[i] = (byte) prl[i];
    return request(1, 0x42, MAC, "10.20.0.1", 0).option(55, list);
  }

  @Test
  void juniperGetsOption43SubOptionsAnd150InRequestOrder() {
    Map<Integer, String> o =
        offer(
            discover(1, 3, 43, 150).option(60, ascii("Juniper-ex4300-48t-PE3714100001")),
            "juniper");
    assertThat(o.keySet()).containsExactly(53, 54, 1, 3, 43, 150, 6, 15, 51, 66, 42, 7, 58, 59);
    assertThat(o.get(43))
        .isEqualTo(tlv(1, "ztp/juniper/001c73000001.conf") + tlv(3, "http") + tlv(5, "8080"));
    assertThat(o.get(150)).isEqualTo("c0000201");
    assertThat(o.get(66)).isEqualTo(hex("192.0.2.1"));
    assertThat(o.get(42)).isEqualTo("0a140003");
    assertThat(o.get(7)).isEqualTo("c0000201");
    assertThat(o.get(51)).isEqualTo("00000e10");
    assertThat(rig.events.of(EventKind.DHCP_DISCOVER).get(0).data())
        .containsEntry("serial", "PE3714100001");
  }

  @Test
  void juniperDeviceWithImageAndHostname() {
    rig.directory.device(
        new Device(
            "ex1",
            "ex1",
            "PE1",
            null,
            "juniper",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "junos-21.4R3.tgz",
            null,
            Map.of("juniper_transfer_mode", "ftp", "juniper_image_symlink", true)));
    Map<Integer, String> o =
        offer(discover(43).option(60, ascii("Juniper-ex4300-48t-PE1")), "juniper");
    assertThat(o.get(43))
        .isEqualTo(
            tlv(0, "ztp/juniper/ex1/image.tgz")
                + tlv(1, "ztp/juniper/ex1.conf")
                + tlv(2, "symlink")
                + tlv(3, "ftp")
                + tlv(7, "300"));
    assertThat(o.get(12)).isEqualTo(hex("ex1"));
  }

  @Test
  void ciscoIosXePythonZtpByModelAndAutoInstallByVariable() {
    byte[] v124 = new byte[] {0, 0, 0, 9, 10, 9, 'C', '9', '3', '0', '0', '-', '2', '4', 'T'};
    Map<Integer, String> py = offer(discover(67).option(124, v124), "cisco-iosxe");
    assertThat(py.get(67)).isEqualTo(hex("http://192.0.2.1:8080/ztp/cisco/ztp.py"));
    assertThat(py.get(150)).isEqualTo("c0000201");
    assertThat(py).doesNotContainKey(66);

    rig.directory.device(
        new Device(
            "r1",
            "r1",
            null,
            "00:1c:73:00:00:02",
            "cisco-iosxe",
            "ISR4451",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    DhcpPacket ai =
        rig.exchange(
            request(1, 1, "00:1c:73:00:00:02", "10.20.0.1", 0)
                .option(61, ascii("cisco-001c.7300.0002-Gi0")));
    Map<Integer, String> o = options(ai);
    assertThat(o.get(150)).isEqualTo("c0000201");
    assertThat(o.get(66)).isEqualTo(hex("192.0.2.1"));
    assertThat(o.get(67)).isEqualTo(hex("r1-confg"));
    assertThat(o.get(12)).isEqualTo(hex("r1"));
  }

  @Test
  void nxosPoapGetsScriptAndTftpServer() {
    byte[] cid = new byte[12];
    System.arraycopy(ascii("FDO12345678"), 0, cid, 1, 11);
    Map<Integer, String> o =
        offer(discover(66, 67).option(77, ascii("Cisco-POAP")).option(61, cid), "cisco-nxos");
    assertThat(o.get(66)).isEqualTo(hex("192.0.2.1"));
    assertThat(o.get(67)).isEqualTo(hex("poap.py"));
    assertThat(o.get(150)).isEqualTo("c0000201");
    assertThat(o.get(51)).isEqualTo("00000e10"); // at least 3600
    assertThat(rig.events.of(EventKind.DHCP_DISCOVER).get(0).data())
        .containsEntry("serial", "FDO12345678");
  }

  @Test
  void ciscoPnpGetsTheOption43String() {
    Map<Integer, String> o = offer(discover(43).option(60, ascii("ciscopnp")), "cisco-pnp");
    assertThat(o.get(43)).isEqualTo(hex("5A1N;K4;B2;I192.0.2.1;J8080"));
  }

  @Test
  void huaweiIntermediateFileControllerAndSztp() {
    Map<Integer, String> o = offer(discover(66, 67).option(60, ascii("HUAWEI AR6140")), "huawei");
    assertThat(o.get(66)).isEqualTo(hex("http://192.0.2.1:8080"));
    assertThat(o.get(67)).isEqualTo(hex("ztp/huawei/lab.ini"));

    rig.directory.device(
        new Device(
            "hw1",
            "hw1",
            null,
            "00:1c:73:00:00:03",
            "huawei",
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
            Map.of("huawei_controller", "10.9.9.9:10020")));
    o =
        options(
            rig.exchange(
                request(1, 2, "00:1c:73:00:00:03", "10.20.0.1", 0)
                    .option(60, ascii("HUAWEI AR6140"))));
    assertThat(o.get(148))
        .isEqualTo(
            hex(
                "agilemode=agile-cloud;agilemanage-mode=ip;agilemanage-domain=10.9.9.9;agilemanage-port=10020"));
    assertThat(o).doesNotContainKeys(66, 67);

    rig.directory.device(
        new Device(
            "hw2",
            "hw2",
            null,
            "00:1c:73:00:00:04",
            "huawei",
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
            Map.of("huawei_sztp", "yes", "sztp_bootstrap_uris", "https://b1.example/restconf")));
    o =
        options(
            rig.exchange(
                request(1, 3, "00:1c:73:00:00:04", "10.20.0.1", 0)
                    .option(60, ascii("HUAWEI AR6140"))));
    assertThat(o.get(143)).isEqualTo("001b" + hex("https://b1.example/restconf"));
  }

  @Test
  void aristaSonicCumulusArubaAndSztp() {
    assertThat(
            offer(
                    discover(67).option(60, ascii("Arista;DCS-7050TX-64;01.00;JPE12345678")),
                    "arista")
                .get(67))
        .isEqualTo(hex("http://192.0.2.1:8080/bootstrap"));
    rig.sent.clear();
    DhcpWriter sonic =
        request(1, 5, "00:1c:73:00:00:05", "10.20.0.1", 0)
            .option(61, ascii("SONiC##S6000-ON##CN0123"));
    assertThat(offer(sonic, "sonic").get(67))
        .isEqualTo(hex("http://192.0.2.1:8080/ztp/sonic/ztp.json"));
    DhcpWriter cumulus =
        request(1, 6, "00:1c:73:00:00:06", "10.20.0.1", 0)
            .option(60, ascii("cumulus-linux x86_64"));
    assertThat(offer(cumulus, "cumulus").get(239))
        .isEqualTo(hex("http://192.0.2.1:8080/ztp/cumulus/ztp.sh"));
    DhcpWriter aruba =
        request(1, 7, "00:1c:73:00:00:07", "10.20.0.1", 0).option(60, ascii("Aruba JL658A"));
    Map<Integer, String> a = offer(aruba, "aruba-cx");
    assertThat(a.get(43)).isEqualTo(tlv(144, "aruba/001c73000007.cfg"));
    assertThat(a.get(66)).isEqualTo(hex("192.0.2.1"));
    DhcpWriter sztp =
        request(1, 8, "00:1c:73:00:00:08", "10.20.0.1", 0).option(55, new byte[] {1, (byte) 143});
    assertThat(offer(sztp, "sztp").get(143))
        .isEqualTo("001e" + hex("http://192.0.2.1:8080/restconf"));
  }
}
