package io.ztpd.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.image.ImageRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFilesTest {
  @TempDir Path dir;

  @Test
  void theDemoHasTemplatesForEveryVendorAndTheImageItsJuniperTargets() throws Exception {
    DemoFiles.install(dir);
    for (String vendor :
        new String[] {
          "juniper", "cisco-iosxe", "cisco-nxos", "huawei", "sonic", "cumulus", "aruba-cx", "arista"
        }) {
      assertThat(dir.resolve("templates/" + vendor + ".j2")).exists();
      assertThat(dir.resolve("templates/" + vendor + "-final.j2")).exists();
      assertThat(Files.readString(dir.resolve("templates/" + vendor + ".j2")))
          .contains("{{ account.username }}")
          .contains("{{ account.password }}");
    }
    assertThat(Files.readString(dir.resolve("inventory.yaml")))
        .contains("target_image: \"23.4R2\"");
    var image = new ImageRepository(dir.resolve("images")).find("23.4R2", "EX4300-48T");
    assertThat(image)
        .hasValueSatisfying(i -> assertThat(i.name()).isEqualTo("junos-arm-32-23.4R2.tgz"));
    byte[] first = Files.readAllBytes(dir.resolve("images/junos-arm-32-23.4R2.tgz"));
    DemoFiles.install(dir); // kept, not rewritten
    assertThat(Files.readAllBytes(dir.resolve("images/junos-arm-32-23.4R2.tgz"))).isEqualTo(first);
  }
}
