package io.ztpd.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.image.Checksums;
import io.ztpd.core.util.Ipv4;
import io.ztpd.dhcp.wire.DhcpPacket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Huawei DHCP ZTP without a controller against a running ztpd: the intermediate file from options
 * 66 / 67, the configuration it names; then a reported failure revokes the device's files, across a
 * restart and a DHCP retry, until an operator reset.
 */
class HuaweiFlowTest {
  @TempDir Path dir;
  VendorRig rig;

  static final String DEVICES =
      """
        - {id: hw1, hostname: hw1, serial: 2102351931P0K3000123, mac: "00:00:5e:00:53:05", vendor: huawei,
           model: CE6881-48S6CQ, site: lab, group: leaf, variables: {uplink: 10GE1/0/48}}
        - {id: hw2, hostname: hw2, serial: 2102351931P0K3000456, mac: "00:00:5e:00:53:15", vendor: huawei,
           model: CE6881-48S6CQ, site: lab, fixed_ip: 127.1.0.5, group: leaf, variables: {uplink: 10GE1/0/48}}
      """;

  @BeforeEach
  void start() throws Exception {
    rig = new VendorRig(dir, DEVICES).start();
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  DhcpPacket dhcp(String mac) throws Exception {
    return rig.dora(mac, 60, "HUAWEI CE6881-48S6CQ");
  }

  @Test
  void intermediateFileThenConfigThenAReportedFailureRevokesUntilReset() throws Exception {
    DhcpPacket ack = dhcp("00:00:5e:00:53:05");
    String ip = Ipv4.format(ack.yiaddr());
    String fileServer = VendorRig.text(ack, 66);
    assertThat(fileServer).isEqualTo(rig.base());
    assertThat(VendorRig.text(ack, 67)).isEqualTo("ztp/huawei/lab.ini");
    String iniUrl = fileServer + "/" + VendorRig.text(ack, 67);
    HttpResponse<String> ini = rig.get(ip, iniUrl);
    assertThat(ini.statusCode()).isEqualTo(200);
    // the device's check: the first line is the SHA256 of the rest
    String text = ini.body();
    String rest = text.substring(text.indexOf('\n') + 1);
    assertThat(text)
        .startsWith(
            "#sha256sum=\"" + Checksums.sha256Hex(rest.getBytes(StandardCharsets.UTF_8)) + "\"\n");
    assertThat(rest)
        .startsWith(";BEGIN ROUTER\n[GLOBAL CONFIG]\nFILESERVER=" + rig.base() + "/ztp\n")
        .contains("ESN=2102351931P0K3000123\nMAC=0000-5e00-5305\nDEVICETYPE=CE6881-48S6CQ\n")
        .contains("ESN=2102351931P0K3000456")
        .endsWith(";END ROUTER\n");
    String config = rig.get(ip, rig.base() + "/ztp/huawei/hw1.cfg").body();
    assertThat(rest).contains("SYSTEM-CONFIG=huawei/hw1.cfg\n");
    assertThat(config).isEqualTo(rig.rendered("hw1"));
    assertThat(config)
        .containsPattern(" local-user ztp\\S* password irreversible-cipher \\S{20}\n");

    // the device reports it failed: its files are refused, to anyone, with the reason
    assertThat(
            rig.post(
                    ip,
                    "/ztp/report",
                    "{\"status\":\"failed\",\"step\":\"image\",\"message\":\"sha256 mismatch\"}")
                .statusCode())
        .isEqualTo(202);
    assertRevoked(rig.get(ip, iniUrl), "sha256 mismatch");
    assertRevoked(rig.get(null, rig.base() + "/ztp/huawei/hw1.cfg"), "sha256 mismatch");
    assertThat(rig.get(null, rig.base() + "/ztp/huawei/hw2.cfg").statusCode()).isEqualTo(200);

    // kept across a restart (it is the device's folded state), and across its DHCP retry
    rig.stop();
    rig.start();
    assertRevoked(rig.get(null, rig.base() + "/ztp/huawei/hw1.cfg"), "sha256 mismatch");
    String again = Ipv4.format(dhcp("00:00:5e:00:53:05").yiaddr());
    rig.server.timeline().flush(); // its DHCP events are folded: a new attempt
    assertRevoked(rig.get(again, iniUrl), "earlier attempt");
    assertThat(rig.events("hw1")).contains("\"kind\":\"DEVICE_FAILED\"");

    // an operator reset gives them back
    assertThat(rig.post(null, "/api/v1/devices/hw1/reset", "").statusCode()).isIn(200, 202, 204);
    rig.server.timeline().flush();
    assertThat(rig.get(again, iniUrl).statusCode()).isEqualTo(200);
    assertThat(rig.get(null, rig.base() + "/ztp/huawei/hw1.cfg").body())
        .isEqualTo(rig.rendered("hw1"));
  }

  static void assertRevoked(HttpResponse<String> r, String why) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(r.body()).contains("revoked").contains(why).contains("operator reset");
  }
}
