package io.ztpd.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztpd.sim.ssh.DeviceSshServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vendor end to end over SSH: ztpd's dialect (ztpd-vendors) against the simulator's CLI
 * (ztpd-sim), written independently from the vendors' documented formats: serial read, then the
 * final template pushed and saved.
 */
class EveryVendorOverSshTest {
  @TempDir static Path dir;
  private static OpsFixture z;

  @BeforeAll
  static void start() throws Exception {
    z = OpsFixture.start(dir, 3, "");
  }

  @AfterAll
  static void stop() {
    z.close();
  }

  /** Every vendor the simulator has a CLI for (all of ztpd's but generic SZTP). */
  static java.util.List<String> vendors() {
    return DeviceSshServer.vendors();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void checkThenPush(String vendor) throws Exception {
    String id = "dev-" + vendor;
    String serial = "SN" + Math.abs(vendor.hashCode());
    DeviceSshServer sim = z.deviceWithSsh(id, vendor, serial, serial, null);
    z.awaitStatus(id, "serial", "Checked");
    long job = z.tree(z.send("POST", "/api/v1/devices/" + id + "/push", null)).get("id").asLong();
    JsonNode j = z.awaitJob(job, "succeeded");
    assertThat(j.get("results").get(0).get("summary").asText()).endsWith("applied and saved");
    assertThat(sim.saves()).as(vendor + " saved").isEqualTo(1);
    assertThat(String.join("\n", sim.appliedLines())).contains(id);
    assertThat(z.status(id).get("phase").asText()).isEqualTo("provisioned");
  }
}
