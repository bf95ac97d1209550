package io.ztpd.vendors.sonic;

import static io.ztpd.vendors.testing.FakeContext.device;
import static io.ztpd.vendors.testing.Made2.ok;
import static io.ztpd.vendors.testing.Made2.parsesAsShell;
import static io.ztpd.vendors.testing.Made2.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.provisioning.Protocol;
import io.ztpd.vendors.VendorProfiles;
import io.ztpd.vendors.testing.FakeContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SONiC's ztp.json and provisioning script, Cumulus's option 239 script. */
class LinuxFlowsTest {
  final FakeContext ctx =
      new FakeContext()
          .add(device("sonic1", "sonic", "DELL123", null, null, Map.of()))
          .add(
              device(
                  "sonic2",
                  "sonic",
                  "DELL456",
                  null,
                  null,
                  Map.of("sonic_configdb_template", "sonic-final.j2")))
          .add(device("cl1", "cumulus", "MT2031X01234", null, null, Map.of()))
          .add(device("cl2", "cumulus", "MT2031X05678", null, null, Map.of()))
          .template("sonic-final.j2")
          .target(
              "sonic1",
              FakeContext.image(
                  "sonic-broadcom-202311.bin", "SONiC.202311.1", "aa".repeat(32), "b"))
          .target("cl1", FakeContext.image("cumulus-linux-5.9.1-mlx-amd64.bin", "5.9.1", "c", "d"));

  Optional<Made> fetch(String path, String requester) {
    return ctx.fetch(VendorProfiles.defaults(), path, requester);
  }

  @Test
  void ztpJsonListsFirmwareConfigdbAndProvisioningScriptInOrder() throws Exception {
    var made = fetch("sonic/ztp.json", "sonic1");
    assertThat(ok(made).artifact().contentType()).isEqualTo("application/json");
    JsonNode ztp = new ObjectMapper().readTree(text(made)).get("ztp");
    assertThat(ztp.fieldNames())
        .toIterable()
        .containsExactly("01-firmware", "03-provisioning-script");
    assertThat(ztp.at("/01-firmware/install/url").asText())
        .isEqualTo("http://192.0.2.1:8080/ztp/images/sonic-broadcom-202311.bin");
    assertThat(ztp.at("/01-firmware/reboot-on-success").asBoolean()).isTrue();
    assertThat(ztp.at("/03-provisioning-script/plugin/url").asText())
        .isEqualTo("http://192.0.2.1:8080/ztp/sonic/sonic1/provision.sh");
    assertThat(ztp.findValuesAsText("status")).containsOnly("BOOT");
    // the device says (SONiC-VERSION header) it runs the target already: no firmware section
    ctx.asking(Protocol.HTTP, "192.0.2.60", "x", Map.of("sonic-version", "SONiC.202311.01"));
    JsonNode same = new ObjectMapper().readTree(text(fetch("sonic/ztp.json", "sonic1"))).get("ztp");
    assertThat(same.fieldNames()).toIterable().containsExactly("03-provisioning-script");
    // a configdb template named by the device: its config_db.json section
    JsonNode two = new ObjectMapper().readTree(text(fetch("sonic/ztp.json", "sonic2"))).get("ztp");
    assertThat(two.fieldNames())
        .toIterable()
        .containsExactly("02-configdb-json", "03-provisioning-script");
    assertThat(two.at("/02-configdb-json/url/source").asText())
        .isEqualTo("http://192.0.2.1:8080/ztp/sonic/sonic2/config_db.json");
    assertThat(two.at("/02-configdb-json/url/destination").asText())
        .isEqualTo("/etc/sonic/config_db.json");
    var db = fetch("sonic/sonic2/config_db.json", null);
    assertThat(text(db)).isEqualTo("sonic-final.j2 for sonic2\n");
    assertThat(ok(db).artifact().kind()).isEqualTo(ArtifactKind.FINAL_CONFIG);
    assertThat(fetch("sonic/sonic1/config_db.json", null)).containsInstanceOf(Made.Missing.class);
    assertThat(fetch("sonic/ztp.json", null)).containsInstanceOf(Made.Unknown.class);
  }

  @Test
  void provisioningScriptRunsTheMinimalConfigAndReports() throws Exception {
    String sh = text(fetch("sonic/DELL123/provision.sh", null));
    assertThat(sh)
        .startsWith("#!/bin/bash\n")
        .contains("ZTPD_DEVICE='sonic1'\n")
        .contains("ZTPD_CONFIG_URL='http://192.0.2.1:8080/ztp/config/sonic1'\n")
        .contains("ZTPD_REPORT_URL='http://192.0.2.1:8080/ztp/report'\n")
        .contains("report applied conf_min")
        .doesNotContain("@@");
    parsesAsShell("bash", sh);
  }

  @Test
  void cumulusScriptCarriesTheMarkerAndInstallsOnlyAnotherRelease() throws Exception {
    assertThat(fetch("cumulus/ztp.sh", null)).containsInstanceOf(Made.Unknown.class);
    String sh = text(fetch("cumulus/ztp.sh", "cl1"));
    List<String> lines = sh.lines().toList();
    assertThat(lines.get(0)).isEqualTo("#!/bin/bash");
    assertThat(lines.get(1)).isEqualTo("# CUMULUS-AUTOPROVISIONING");
    assertThat(sh)
        .contains(
            "ZTPD_IMAGE_URL='http://192.0.2.1:8080/ztp/images/cumulus-linux-5.9.1-mlx-amd64.bin'")
        .contains("ZTPD_IMAGE_VERSION='5.9.1'")
        .contains("ZTPD_CONFIG_URL='http://192.0.2.1:8080/ztp/config/cl1'");
    parsesAsShell("bash", sh);
    assertThat(text(fetch("cumulus/ztp.sh", "cl2"))).contains("ZTPD_IMAGE_URL=''");
  }
}
