package io.ztpd.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.util.Ipv4;
import io.ztpd.dhcp.wire.DhcpPacket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TFTP flows against a running ztpd, as the devices run them: DHCP through a relay, then the
 * files the DHCP options name, fetched over TFTP from the leased address.
 */
class VendorFlowsTftpTest {
  @TempDir Path dir;
  VendorRig rig;
  byte[] nxos;

  static final String DEVICES =
      """
        - {id: rtr1, hostname: rtr1, serial: FTX1111A0AA, mac: "00:00:5e:00:53:21", vendor: cisco-iosxe,
           model: ISR4331, site: lab, group: leaf, variables: {uplink: Gi0/0/1}}
        - {id: n9k1, hostname: n9k1, serial: FDO21120ABC, mac: "00:00:5e:00:53:23", vendor: cisco-nxos,
           model: N9K-C93180YC-FX, site: lab, group: leaf, target_image: nxos64.10.4.3.bin,
           variables: {uplink: Ethernet1/49}}
        - {id: cx1, hostname: cx1, serial: SG9ZKN1234, mac: "00:00:5e:00:53:28", vendor: aruba-cx,
           model: 8325-48Y8C, site: lab, group: leaf, variables: {uplink: 1/1/49}}
      """;

  @BeforeEach
  void start() throws Exception {
    rig = new VendorRig(dir, DEVICES);
    nxos = new byte[300_000]; // more than 512 blocks' worth would be slow; this is 586 blocks
    new java.util.Random(3).nextBytes(nxos);
    Files.write(dir.resolve("images/nxos64.10.4.3.bin"), nxos);
    rig.start();
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  static String md5(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
  }

  @Test
  void iosXeAutoInstallLearnsItsHostnameFromNetworkConfgThenFetchesItsConfig() throws Exception {
    DhcpPacket ack = rig.dora("00:00:5e:00:53:21", 61, "cisco-0000.5e00.5321-Gi0/0");
    String ip = Ipv4.format(ack.yiaddr());
    assertThat(VendorRig.text(ack, 67)).isEqualTo("rtr1-confg");
    assertThat(VendorRig.text(ack, 12)).isEqualTo("rtr1");
    // the device's search, when its option-67 file is not used: network-confg, then
    // <hostname>-confg
    assertThat(rig.tftpText(ip, "network-confg")).contains("\nip host rtr1 " + ip + "\nend\n");
    String config = rig.tftpText(ip, "rtr1-confg");
    assertThat(config).isEqualTo(rig.rendered("rtr1"));
    assertThat(config)
        .contains("hostname rtr1")
        .contains("ip address " + ip + " 255.0.0.0")
        .containsPattern("username ztp\\S* privilege 15 secret 0 \\S{20}\n");
    assertThat(rig.tftpText(ip, "router-confg")).isEqualTo(config);
    // an address nobody leased is queued, not served
    assertThat(rig.tftpText("127.9.9.9", "network-confg")).startsWith("ERROR ");
    assertThat(rig.events("rtr1")).contains("BOOTSTRAP_FETCHED").contains("CONF_MIN_FETCHED");
    assertThat(rig.get(null, rig.base() + "/api/v1/devices/rtr1").body())
        .contains("\"conf_min\":\"Loaded\"");
  }

  @Test
  void nxosPoapScriptConfigAndImageWithTheirChecksums() throws Exception {
    DhcpPacket ack =
        rig.dora(
            "00:00:5e:00:53:23",
            w ->
                w.option(77, "Cisco-POAP".getBytes(StandardCharsets.US_ASCII))
                    .option(61, "\0FDO21120ABC".getBytes(StandardCharsets.US_ASCII)));
    String ip = Ipv4.format(ack.yiaddr());
    assertThat(VendorRig.text(ack, 67)).isEqualTo("poap.py");
    assertThat(ack.intOption(51)).isGreaterThanOrEqualTo(3600);
    String script = rig.tftpText(ip, VendorRig.text(ack, 67));
    String[] lines = script.split("\n", 3);
    assertThat(lines[1])
        .isEqualTo(
            "#md5sum=\""
                + md5((lines[0] + "\n" + lines[2]).getBytes(StandardCharsets.UTF_8))
                + "\"");
    assertThat(script)
        .contains("DEVICE = \"n9k1\"")
        .contains("BASE_URL = \"http://127.0.0.1:" + rig.httpPort + "/ztp/\"");
    // what the script fetches: its configuration by serial, the image, each with its .md5
    byte[] conf = rig.tftp(ip, "poap/conf.FDO21120ABC");
    assertThat(new String(conf, StandardCharsets.UTF_8)).isEqualTo(rig.rendered("n9k1"));
    assertThat(rig.tftpText(ip, "poap/conf.FDO21120ABC.md5"))
        .isEqualTo(md5(conf) + "  conf.FDO21120ABC\n");
    assertThat(rig.tftp(ip, "poap/conf_00005E005323.cfg")).isEqualTo(conf);
    assertThat(rig.tftp(ip, "images/nxos64.10.4.3.bin")).isEqualTo(nxos);
    assertThat(rig.tftpText(ip, "images/nxos64.10.4.3.bin.md5"))
        .isEqualTo(md5(nxos) + "  nxos64.10.4.3.bin\n");
    assertThat(rig.events("n9k1"))
        .contains("BOOTSTRAP_FETCHED")
        .contains("CONF_MIN_FETCHED")
        .contains("IMAGE_FETCHED");
  }

  @Test
  void arubaCxConfigFileFromOption43SubOption144() throws Exception {
    DhcpPacket ack = rig.dora("00:00:5e:00:53:28", 60, "Aruba JL635A");
    String ip = Ipv4.format(ack.yiaddr());
    Map<Integer, String> sub = VendorRig.subOptions(ack);
    assertThat(sub.get(144)).isEqualTo("aruba/cx1.cfg");
    assertThat(VendorRig.text(ack, 66)).isEqualTo("127.0.0.1");
    String config = rig.tftpText(ip, sub.get(144));
    assertThat(config).isEqualTo(rig.rendered("cx1"));
    assertThat(config)
        .containsPattern("user ztp\\S* group administrators password plaintext \\S{20}\n");
  }
}
