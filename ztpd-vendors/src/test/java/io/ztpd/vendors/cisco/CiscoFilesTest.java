package io.ztpd.vendors.cisco;

import static io.ztpd.vendors.testing.FakeContext.device;
import static io.ztpd.vendors.testing.Made2.compilesAsPython;
import static io.ztpd.vendors.testing.Made2.ok;
import static io.ztpd.vendors.testing.Made2.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.provisioning.Protocol;
import io.ztpd.vendors.VendorProfiles;
import io.ztpd.vendors.testing.FakeContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CiscoFilesTest {
  static final String SHA = "ab".repeat(32);
  static final String MD5 = "cd".repeat(16);

  final FakeContext ctx =
      new FakeContext()
          .add(device("rtr1", "cisco-iosxe", "FTX1111A0AA", "00:00:5e:00:53:21", null, Map.of()))
          .add(device("c9k1", "cisco-iosxe", "FOC2233X0AB", "00:00:5e:00:53:22", null, Map.of()))
          .add(device("n9k1", "cisco-nxos", "FDO21120ABC", "00:00:5e:00:53:23", null, Map.of()))
          .add(device("leaf9", "juniper", "JN9", "00:00:5e:00:53:29", null, Map.of()))
          .target("n9k1", FakeContext.image("nxos64.10.4.3.bin", "10.4(3)", SHA, MD5))
          .target("c9k1", FakeContext.image("cat9k_iosxe.17.09.04a.bin", "17.9.4a", SHA, MD5))
          .asking(Protocol.TFTP, "192.0.2.57", "x", Map.of());

  Optional<Made> fetch(String path, String requester) {
    return ctx.fetch(VendorProfiles.defaults(), path, requester);
  }

  @Test
  void autoInstallTeachesTheRequesterItsHostnameThenServesItsConfig() {
    var network = fetch("network-confg", "rtr1");
    assertThat(text(network))
        .isEqualTo(
            "! ztpd network-confg: AutoInstall takes its hostname from the ip host line with its"
                + " own address,\n! then fetches <hostname>-confg.\nip host rtr1 192.0.2.57\nend\n");
    assertThat(ok(network).artifact().kind()).isEqualTo(ArtifactKind.BOOTSTRAP);
    assertThat(text(fetch("cisconet.cfg", "rtr1"))).contains("ip host rtr1 192.0.2.57\n");
    for (String name : List.of("rtr1-confg", "RTR1-confg", "rtr1.cfg")) {
      var config = fetch(name, null);
      assertThat(text(config)).as(name).isEqualTo("config of rtr1\n");
      assertThat(ok(config).deviceId()).isEqualTo("rtr1");
      assertThat(ok(config).artifact().name()).isEqualTo(name);
    }
    // no hostname learnt: router-confg is the requester's own configuration
    assertThat(text(fetch("router-confg", "rtr1"))).isEqualTo("config of rtr1\n");
    assertThat(text(fetch("ciscortr.cfg", "rtr1"))).isEqualTo("config of rtr1\n");
    // an unknown requester is queued; another vendor's hostname is not AutoInstall's
    assertThat(fetch("network-confg", null)).containsInstanceOf(Made.Unknown.class);
    assertThat(fetch("leaf9-confg", null)).isEmpty();
    assertThat(fetch("nobody-confg", null)).isEmpty();
  }

  @Test
  void pythonZtpScriptIsMadeForTheRequesterAndReportsBack() throws Exception {
    assertThat(fetch("cisco/ztp.py", null)).containsInstanceOf(Made.Unknown.class);
    String script = text(fetch("cisco/ztp.py", "c9k1"));
    assertThat(script)
        .startsWith("#!/usr/bin/env python\n")
        .contains("DEVICE = \"c9k1\"\n")
        .contains("CONFIG_URL = \"http://192.0.2.1:8080/ztp/config/c9k1\"\n")
        .contains("REPORT_URL = \"http://192.0.2.1:8080/ztp/report\"\n")
        .contains(
            "IMAGE = {\"name\": \"cat9k_iosxe.17.09.04a.bin\", \"url\":"
                + " \"http://192.0.2.1:8080/ztp/images/cat9k_iosxe.17.09.04a.bin\", \"md5\": \""
                + MD5)
        .contains("cli.configurep(lines)")
        .contains("report(\"applied\", step,")
        .doesNotContain("@@");
    compilesAsPython(script);
  }

  @Test
  void poapScriptCarriesTheMd5ThatPoapComputes() throws Exception {
    String script = text(fetch("poap.py", "n9k1"));
    String[] lines = script.split("\n", 3);
    assertThat(lines[0]).isEqualTo("#!/bin/env python");
    assertThat(lines[1]).matches("#md5sum=\"[0-9a-f]{32}\"");
    // the device's check: the MD5 of the script with its #md5sum line removed
    String without = lines[0] + "\n" + lines[2];
    String md5 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("MD5").digest(without.getBytes(StandardCharsets.UTF_8)));
    assertThat(lines[1]).isEqualTo("#md5sum=\"" + md5 + "\"");
    assertThat(ciscoRecipe(script)).isEqualTo(md5);
    assertThat(script).contains("DEVICE = \"n9k1\"").contains("\"nxos64.10.4.3.bin\"");
    compilesAsPython(script);
    // a switch ztpd does not know yet gets the generic script, which goes by serial
    String generic = text(fetch("poap.py", null));
    assertThat(generic).contains("DEVICE = None").contains("IMAGE = None");
    assertThat(generic.split("\n")[1]).matches("#md5sum=\"[0-9a-f]{32}\"");
    assertThat(ciscoRecipe(generic)).isEqualTo(generic.split("\"")[1]);
  }

  /** Cisco's own recipe when sed and md5sum are installed: {@code sed '/^#md5sum/d' | md5sum}. */
  private static String ciscoRecipe(String script) throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/md5sum"))) {
      return Poap.md5Hex(Poap.withoutMd5Lines(script).getBytes(StandardCharsets.UTF_8));
    }
    Path f = Files.createTempFile("poap", ".py");
    try {
      Files.writeString(f, script);
      Process p =
          new ProcessBuilder("sh", "-c", "sed '/^#md5sum/d' \"$0\" | md5sum", f.toString()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      return out.split(" ")[0];
    } finally {
      Files.deleteIfExists(f);
    }
  }

  @Test
  void poapConfigurationsByTheirSerialOrMacWithMd5Companions() {
    var conf = fetch("poap/conf.FDO21120ABC", null);
    assertThat(text(conf)).isEqualTo("config of n9k1\n");
    assertThat(ok(conf).deviceId()).isEqualTo("n9k1");
    assertThat(ok(conf).artifact().kind()).isEqualTo(ArtifactKind.CONFIG);
    String md5 = Poap.md5Hex("config of n9k1\n".getBytes(StandardCharsets.UTF_8));
    var sum = fetch("poap/conf.FDO21120ABC.md5", null);
    assertThat(text(sum)).isEqualTo(md5 + "  conf.FDO21120ABC\n");
    assertThat(ok(sum).artifact().kind()).isEqualTo(ArtifactKind.CHECKSUM);
    assertThat(text(fetch("poap/conf_00005E005323.cfg", null))).isEqualTo("config of n9k1\n");
    assertThat(text(fetch("poap/conf_00005E005323.cfg.md5", null)))
        .isEqualTo(md5 + "  conf_00005E005323.cfg\n");
    var unknown = fetch("poap/conf.SAL999", null);
    assertThat(unknown).containsInstanceOf(Made.Unknown.class);
    assertThat(((Made.Unknown) unknown.orElseThrow()).keys().serial()).isEqualTo("SAL999");
    assertThat(fetch("poap/other.txt", null)).containsInstanceOf(Made.Missing.class);
  }
}
