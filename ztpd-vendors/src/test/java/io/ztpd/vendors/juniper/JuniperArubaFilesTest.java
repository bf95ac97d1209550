package io.ztpd.vendors.juniper;

import static io.ztpd.vendors.testing.FakeContext.device;
import static io.ztpd.vendors.testing.Made2.ok;
import static io.ztpd.vendors.testing.Made2.parsesAsShell;
import static io.ztpd.vendors.testing.Made2.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.vendors.VendorProfiles;
import io.ztpd.vendors.testing.FakeContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JuniperArubaFilesTest {
  final FakeContext ctx =
      new FakeContext()
          .add(device("ex1", "juniper", "JN1", "00:00:5e:00:53:01", null, Map.of()))
          .add(device("cx1", "aruba-cx", "SG9", "00:00:5e:00:53:08", null, Map.of()))
          .target("ex1", FakeContext.image("junos-arm-32-23.4R2.tgz", "23.4R2", "aa", "bb"))
          .target(
              "cx1", FakeContext.image("ArubaOS-CX_8325_10_13_1000.swi", "10.13.1000", "c", "d"));

  Optional<Made> fetch(String path) {
    return ctx.fetch(VendorProfiles.defaults(), path, null);
  }

  @Test
  void juniperConfigScriptAndImageByDeviceKey() throws Exception {
    assertThat(text(fetch("juniper/ex1.conf"))).isEqualTo("config of ex1\n");
    assertThat(text(fetch("juniper/00005e005301.conf"))).isEqualTo("config of ex1\n");
    var script = fetch("juniper/ex1.sh");
    assertThat(ok(script).artifact().kind()).isEqualTo(ArtifactKind.BOOTSTRAP);
    String sh = text(script);
    assertThat(sh.lines().findFirst()).contains("#!/bin/sh"); // Junos runs it as a script
    assertThat(sh)
        .contains("ZTPD_CONFIG_URL='http://192.0.2.1:8080/ztp/config/ex1'")
        .contains("load override")
        .contains("report applied conf_min");
    parsesAsShell("sh", sh);
    var image = ok(fetch("juniper/ex1/image.tgz"));
    assertThat(image.artifact()).isInstanceOf(Artifact.FileRef.class);
    assertThat(((Artifact.FileRef) image.artifact()).path())
        .isEqualTo(Path.of("/images/junos-arm-32-23.4R2.tgz"));
    assertThat(image.deviceId()).isEqualTo("ex1");
    assertThat(fetch("juniper/00005e0053ff.conf")).containsInstanceOf(Made.Unknown.class);
    assertThat(fetch("juniper/nothing.txt")).containsInstanceOf(Made.Missing.class);
  }

  @Test
  void arubaConfigAndImage() {
    assertThat(text(fetch("aruba/cx1.cfg"))).isEqualTo("config of cx1\n");
    assertThat(text(fetch("aruba/00005e005308.cfg"))).isEqualTo("config of cx1\n");
    var swi = ok(fetch("aruba/cx1.swi"));
    assertThat(swi.artifact().name()).isEqualTo("ArubaOS-CX_8325_10_13_1000.swi");
    assertThat(fetch("aruba/nobody.swi")).containsInstanceOf(Made.Unknown.class);
  }
}
