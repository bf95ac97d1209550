package io.ztpd.vendors.huawei;

import static io.ztpd.vendors.testing.FakeContext.device;
import static io.ztpd.vendors.testing.Made2.compilesAsPython;
import static io.ztpd.vendors.testing.Made2.ok;
import static io.ztpd.vendors.testing.Made2.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.image.Checksums;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.provisioning.Protocol;
import io.ztpd.vendors.VendorProfiles;
import io.ztpd.vendors.testing.FakeContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HuaweiFilesTest {
  static final String SHA = "ef".repeat(32);

  final FakeContext ctx =
      new FakeContext()
          .site(FakeContext.site("dc2", "198.51.100.0/24"))
          .site(FakeContext.site("dc3", "203.0.113.0/24"))
          .add(
              device("hw1", "huawei", "2102351931P0K3000123", "00:00:5e:00:53:05", "dc2", Map.of()))
          .add(
              device(
                  "hw2",
                  "huawei",
                  null,
                  "00:00:5e:00:53:06",
                  "dc2",
                  Map.of("huawei_patch", "images/SPH001.PAT")))
          .add(device("hw3", "huawei", null, null, "dc2", Map.of())) // no key: not listed
          .add(device("sw4", "juniper", "JN4", null, "dc2", Map.of())) // not Huawei: not listed
          .add(device("hw5", "huawei", "ESN5", null, "dc3", Map.of()))
          .target("hw1", FakeContext.image("CE6881-V300R022C00.cc", "V300R022C00", SHA, "00"));

  Optional<Made> fetch(String path, String requester) {
    return ctx.fetch(VendorProfiles.defaults(), path, requester);
  }

  static final String DC2_BODY =
      """
      ;BEGIN ROUTER
      [GLOBAL CONFIG]
      FILESERVER=http://192.0.2.1:8080/ztp

      [DEVICE1 DESCRIPTION]
      ESN=2102351931P0K3000123
      MAC=0000-5e00-5305
      DEVICETYPE=M-hw1
      SYSTEM-SOFTWARE=images/CE6881-V300R022C00.cc
      SYSTEM-CONFIG=huawei/hw1.cfg

      [DEVICE2 DESCRIPTION]
      ESN=DEFAULT
      MAC=0000-5e00-5306
      DEVICETYPE=M-hw2
      SYSTEM-CONFIG=huawei/hw2.cfg
      SYSTEM-PAT=images/SPH001.PAT
      ;END ROUTER
      """;

  @Test
  void iniListsTheSiteDevicesUnderItsSha256Line() {
    var ini = fetch("huawei/dc2.ini", null);
    String sha = Checksums.sha256Hex(DC2_BODY.getBytes(StandardCharsets.UTF_8));
    assertThat(text(ini)).isEqualTo("#sha256sum=\"" + sha + "\"\n" + DC2_BODY);
    assertThat(ok(ini).artifact().kind()).isEqualTo(ArtifactKind.BOOTSTRAP);
    // Huawei's check: delete the first line, SHA256 the rest, compare with the first line
    String file = text(ini);
    String rest = file.substring(file.indexOf('\n') + 1);
    assertThat(file.substring(0, file.indexOf('\n')))
        .isEqualTo(
            "#sha256sum=\"" + Checksums.sha256Hex(rest.getBytes(StandardCharsets.UTF_8)) + "\"");
    // ztp.ini is the requester's site: by its inventory site, else by its address
    assertThat(text(fetch("huawei/ztp.ini", "hw5"))).contains("ESN=ESN5").doesNotContain("hw1");
    ctx.asking(Protocol.TFTP, "198.51.100.77", "x", Map.of());
    assertThat(text(fetch("huawei/ztp.ini", null))).isEqualTo(text(ini));
    ctx.asking(Protocol.TFTP, "10.9.9.9", "x", Map.of());
    assertThat(fetch("huawei/ztp.ini", null)).containsInstanceOf(Made.Unknown.class);
    assertThat(fetch("huawei/nowhere.ini", null)).containsInstanceOf(Made.Missing.class);
  }

  @Test
  void pythonIntermediateFileHasTheSameChecksumRuleAndCompiles() throws Exception {
    String py = text(fetch("huawei/dc2.py", null));
    String first = py.substring(0, py.indexOf('\n'));
    String rest = py.substring(py.indexOf('\n') + 1);
    assertThat(first)
        .isEqualTo(
            "#sha256sum=\"" + Checksums.sha256Hex(rest.getBytes(StandardCharsets.UTF_8)) + "\"");
    assertThat(rest)
        .startsWith("#!/usr/bin/env python\n")
        .contains("FILE_SERVER = \"http://192.0.2.1:8080/ztp\"")
        .contains(
            "{\"device\": \"hw1\", \"esn\": \"2102351931P0K3000123\", \"mac\": \"0000-5e00-5305\"")
        .contains("\"software\": \"images/CE6881-V300R022C00.cc\", \"software_sha256\": \"" + SHA)
        .contains("\"config\": \"huawei/hw2.cfg\", \"patch\": \"images/SPH001.PAT\"")
        .doesNotContain("hw3")
        .doesNotContain("@@");
    compilesAsPython(py);
  }

  @Test
  void theConfigurationAnEntryNamesIsTheDevicesMinimalConfig() {
    var cfg = fetch("huawei/hw1.cfg", null);
    assertThat(text(cfg)).isEqualTo("config of hw1\n");
    assertThat(ok(cfg).deviceId()).isEqualTo("hw1");
    assertThat(fetch("huawei/zz9.cfg", null)).containsInstanceOf(Made.Unknown.class);
    assertThat(new HuaweiProfile().revokesArtifactsOnFailure()).isTrue();
  }
}
