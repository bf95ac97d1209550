package io.ztpd.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztpd.core.util.Ipv4;
import io.ztpd.dhcp.wire.DhcpPacket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP flows against one running ztpd: DHCP through a relay, then the URLs the options name,
 * fetched from the leased address (or, for SONiC, with its identity headers), then the URLs the
 * generated scripts name, then the scripts' progress reports.
 */
class VendorFlowsHttpTest {
  @TempDir static Path dir;
  static VendorRig rig;

  static final String DEVICES =
      """
        - {id: c9k1, hostname: c9k1, serial: FOC2233X0AB, mac: "00:00:5e:00:53:22", vendor: cisco-iosxe,
           model: C9300-48P, site: lab, group: leaf, variables: {uplink: Gi1/1/1}}
        - {id: ex1, hostname: ex1, serial: JN1234567890, mac: "00:00:5e:00:53:01", vendor: juniper,
           model: EX4300-48T, site: lab, group: leaf, target_image: junos-23.4R2.tgz,
           variables: {uplink: ge-0/0/47}}
        - {id: ex2, hostname: ex2, serial: JN2, mac: "00:00:5e:00:53:02", vendor: juniper,
           model: EX4300-48T, site: lab, group: leaf, variables: {uplink: ge-0/0/47, juniper_ztp_mode: script}}
        - {id: ex3, hostname: ex3, serial: JN3, mac: "00:00:5e:00:53:03", vendor: juniper,
           model: EX4300-48T, site: lab, group: leaf, variables: {uplink: ge-0/0/47, juniper_transfer_mode: ftp}}
        - {id: sonic1, hostname: sonic1, serial: DELL1234567, mac: "00:00:5e:00:53:06", vendor: sonic,
           model: S5248F-ON, site: lab, group: leaf, target_image: sonic-broadcom-202311.bin,
           variables: {uplink: Ethernet48}}
        - {id: cl1, hostname: cl1, serial: MT2031X01234, mac: "00:00:5e:00:53:07", vendor: cumulus,
           model: SN2410, site: lab, group: leaf, variables: {uplink: swp49}}
      """;

  @BeforeAll
  static void start() throws Exception {
    rig = new VendorRig(dir, DEVICES);
    Files.write(dir.resolve("images/junos-23.4R2.tgz"), new byte[70_000]);
    Files.write(dir.resolve("images/sonic-broadcom-202311.bin"), new byte[1000]);
    rig.start();
  }

  @AfterAll
  static void stop() throws Exception {
    rig.close();
  }

  static String body(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  static String var(String script, String regex) {
    Matcher m = Pattern.compile(regex).matcher(script);
    assertThat(m.find()).as(regex).isTrue();
    return m.group(1);
  }

  @Test
  void iosXePythonZtpScriptAppliesTheConfigAndReports() throws Exception {
    DhcpPacket ack = rig.dora("00:00:5e:00:53:22", 61, "cisco-0000.5e00.5322-Gi0/0");
    String ip = Ipv4.format(ack.yiaddr());
    String url = VendorRig.text(ack, 67);
    assertThat(url).isEqualTo(rig.base() + "/ztp/cisco/ztp.py");
    String script = body(rig.get(ip, url));
    assertThat(script).contains("DEVICE = \"c9k1\"").contains("IMAGE = None");
    String config = body(rig.get(ip, var(script, "CONFIG_URL = \"([^\"]+)\"")));
    assertThat(config).isEqualTo(rig.rendered("c9k1"));
    // the script's reports, as it sends them
    String report = var(script, "REPORT_URL = \"([^\"]+)\"");
    assertThat(report).isEqualTo(rig.base() + "/ztp/report");
    assertThat(
            rig.post(
                    ip,
                    "/ztp/report",
                    "{\"device\":\"c9k1\",\"status\":\"applied\",\"step\":\"conf_min\",\"message\":\"ok\"}")
                .statusCode())
        .isEqualTo(202);
    assertThat(rig.events("c9k1")).contains("CONF_MIN_APPLIED");
    // someone else's address gets nothing: ztpd knows the requester by its lease
    assertThat(rig.get("127.9.9.8", url).statusCode()).isEqualTo(404);
  }

  @Test
  void juniperConfigImageAndScriptModeFollowOption43() throws Exception {
    DhcpPacket ack = rig.dora("00:00:5e:00:53:01", 60, "Juniper-ex4300-48t-JN1234567890");
    String ip = Ipv4.format(ack.yiaddr());
    Map<Integer, String> sub = VendorRig.subOptions(ack);
    assertThat(sub.get(3)).isEqualTo("http");
    assertThat(sub.get(5)).isEqualTo(Integer.toString(rig.httpPort));
    assertThat(sub.get(2)).isEqualTo("symlink");
    String server = "http://" + Ipv4.format(ack.intOption(150)) + ":" + sub.get(5) + "/";
    assertThat(body(rig.get(ip, server + sub.get(1)))).isEqualTo(rig.rendered("ex1"));
    HttpResponse<byte[]> image;
    try (var c = java.net.http.HttpClient.newHttpClient()) {
      image =
          c.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(server + sub.get(0)))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    }
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.body()).hasSize(70_000);
    assertThat(rig.events("ex1")).contains("IMAGE_FETCHED").contains("CONF_MIN_FETCHED");

    DhcpPacket two = rig.dora("00:00:5e:00:53:02", 60, "Juniper-ex4300-48t-JN2");
    String script =
        body(rig.get(Ipv4.format(two.yiaddr()), server + VendorRig.subOptions(two).get(1)));
    assertThat(script).startsWith("#!/bin/sh\n");
    assertThat(body(rig.get(null, var(script, "ZTPD_CONFIG_URL='([^']+)'"))))
        .isEqualTo(rig.rendered("ex2"));

    // FTP transfer mode: Junos logs in as anonymous
    DhcpPacket three = rig.dora("00:00:5e:00:53:03", 60, "Juniper-ex4300-48t-JN3");
    Map<Integer, String> ftp = VendorRig.subOptions(three);
    assertThat(ftp.get(3)).isEqualTo("ftp");
    assertThat(ftp.get(7)).isEqualTo("300");
    if (java.nio.file.Files.isExecutable(Path.of("/usr/bin/curl"))) {
      Process p =
          new ProcessBuilder(
                  "curl",
                  "-sS",
                  "--max-time",
                  "20",
                  "ftp://127.0.0.1:" + rig.ftpPort + "/" + ftp.get(1))
              .redirectErrorStream(true)
              .start();
      String got = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(got).isEqualTo(rig.rendered("ex3"));
    }
  }

  @Test
  void sonicZtpJsonByItsSerialNumberHeader() throws Exception {
    DhcpPacket ack = rig.dora("00:00:5e:00:53:06", 61, "SONiC##S5248F-ON##DELL1234567");
    String url = VendorRig.text(ack, 67);
    assertThat(url).isEqualTo(rig.base() + "/ztp/sonic/ztp.json");
    // from another address than its lease: the headers SONiC sends say who it is
    String[] headers = {"SERIAL-NUMBER", "DELL1234567", "PRODUCT-NAME", "S5248F-ON"};
    JsonNode ztp = new ObjectMapper().readTree(body(rig.get(null, url, headers))).get("ztp");
    assertThat(ztp.fieldNames())
        .toIterable()
        .containsExactly("01-firmware", "03-provisioning-script");
    assertThat(ztp.at("/01-firmware/install/url").asText())
        .isEqualTo(rig.base() + "/ztp/images/sonic-broadcom-202311.bin");
    String script =
        body(rig.get(null, ztp.at("/03-provisioning-script/plugin/url").asText(), headers));
    String config = body(rig.get(null, var(script, "ZTPD_CONFIG_URL='([^']+)'"), headers));
    assertThat(config).isEqualTo(rig.rendered("sonic1"));
    assertThat(config).containsPattern("useradd -m -s /bin/bash -G sudo,docker ztp\\S*\n");
    assertThat(config).containsPattern("echo 'ztp\\S*:\\S{20}' \\| chpasswd\n");
    // an unknown serial is queued for adoption
    HttpResponse<String> unknown = rig.get(null, url, "SERIAL-NUMBER", "NOPE999");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("queued for adoption");
  }

  @Test
  void cumulusScriptFromOption239CarriesItsMarker() throws Exception {
    DhcpPacket ack = rig.dora("00:00:5e:00:53:07", 60, "cumulus-linux x86_64");
    String ip = Ipv4.format(ack.yiaddr());
    String script = body(rig.get(ip, VendorRig.text(ack, 239)));
    assertThat(script.lines().limit(2))
        .containsExactly("#!/bin/bash", "# CUMULUS-AUTOPROVISIONING");
    String config = body(rig.get(ip, var(script, "ZTPD_CONFIG_URL='([^']+)'")));
    assertThat(config).isEqualTo(rig.rendered("cl1"));
    assertThat(config).containsPattern("echo 'ztp\\S*:\\S{20}' \\| chpasswd\n");
  }
}
