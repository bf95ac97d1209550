package io.ztpd.vendors;

import static io.ztpd.vendors.testing.Made2.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.model.Device;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.vendors.testing.FakeContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A target image the inventory names but the repository lacks is said, never skipped silently. */
class MissingTargetImageTest {
  final FakeContext ctx = new FakeContext().site(FakeContext.site("dc1", "192.0.2.0/24"));

  Device device(String id, String vendor) {
    Device d =
        new Device(
            id,
            id,
            "SN-" + id,
            null,
            vendor,
            "M",
            null,
            null,
            null,
            "dc1",
            null,
            null,
            null,
            "gone-1.0.bin",
            null,
            Map.of());
    ctx.add(d);
    return d;
  }

  Optional<Made> fetch(String path, String requester) {
    return ctx.fetch(VendorProfiles.defaults(), path, requester);
  }

  @Test
  void scriptsRefuseAndImageNamesSayWhy() {
    for (String[] flow :
        List.of(
            new String[] {"cisco-iosxe", "cisco/ztp.py"},
            new String[] {"cisco-nxos", "poap.py"},
            new String[] {"cumulus", "cumulus/ztp.sh"},
            new String[] {"sonic", "sonic/ztp.json"})) {
      Device d = device("d-" + flow[0], flow[0]);
      Made m = fetch(flow[1], d.id()).orElseThrow();
      assertThat(m).as(flow[1]).isInstanceOf(Made.Error.class);
      assertThat(((Made.Error) m).reason())
          .isEqualTo(
              "target image 'gone-1.0.bin' of d-" + flow[0] + " is not in the image repository");
    }
    device("ex1", "juniper");
    assertThat(fetch("juniper/ex1/image.tgz", null).orElseThrow())
        .isEqualTo(
            new Made.Missing("target image 'gone-1.0.bin' of ex1 is not in the image repository"));
    device("hw1", "huawei");
    assertThat(text(fetch("huawei/dc1.ini", null)))
        .contains("SYSTEM-SOFTWARE=images/gone-1.0.bin\n");
    // the generic POAP script for a switch ztpd does not know has no image to miss
    assertThat(fetch("poap.py", null).orElseThrow()).isInstanceOf(Made.Ok.class);
  }
}
