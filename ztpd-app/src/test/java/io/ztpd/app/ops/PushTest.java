package io.ztpd.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztpd.sim.ssh.DeviceSshServer;
import io.ztpd.sim.ssh.SshFaults;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7, final push: jobs, results per device, approval hook. */
class PushTest {
  @TempDir Path dir;
  private OpsFixture z;

  @BeforeEach
  void start() throws Exception {
    z = OpsFixture.start(dir, 3, "");
  }

  @AfterEach
  void stop() {
    z.close();
  }

  private DeviceSshServer verified(String id, String vendor, String serial, String group)
      throws Exception {
    DeviceSshServer sim = z.deviceWithSsh(id, vendor, serial, serial, group);
    z.awaitStatus(id, "serial", "Checked");
    return sim;
  }

  @Test
  void pushAppliesTheFinalConfigAndTheDeviceIsProvisioned() throws Exception {
    DeviceSshServer sim = verified("sw1", "cisco-iosxe", "FCW2233L0AB", null);
    var r = z.send("POST", "/api/v1/devices/sw1/push", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    long job = z.tree(r).get("id").asLong();
    JsonNode j = z.awaitJob(job, "succeeded");
    assertThat(j.get("label").asText()).isEqualTo("Success");
    JsonNode result = j.get("results").get(0);
    assertThat(result.get("device_id").asText()).isEqualTo("sw1");
    assertThat(result.get("label").asText()).isEqualTo("Success");
    assertThat(result.get("summary").asText()).isEqualTo("5 lines applied and saved");
    assertThat(result.get("output").asText()).contains("Building configuration...");
    assertThat(sim.appliedLines())
        .containsExactly(
            "hostname sw1.dc1",
            "interface GigabitEthernet1/0/1",
            " description uplink",
            " no shutdown",
            "snmp-server location dc1");
    assertThat(sim.saves()).isEqualTo(1);
    JsonNode s = z.status("sw1");
    assertThat(s.get("phase").asText()).isEqualTo("provisioned");
    assertThat(s.get("final").asText()).isEqualTo("Pushed");
    assertThat(z.events("sw1", "PUSH_SUCCEEDED")).hasSize(1);
  }

  @Test
  void aPushFailingHalfWayIsPartiallyCompletedAndCanBePushedAgain() throws Exception {
    DeviceSshServer sim = verified("sw2", "arista", "JPE14080457", null);
    sim.faults(SshFaults.NONE.withFailAfterLines(2));
    long job = z.tree(z.send("POST", "/api/v1/devices/sw2/push", null)).get("id").asLong();
    JsonNode j = z.awaitJob(job, "partially_completed");
    JsonNode result = j.get("results").get(0);
    assertThat(result.get("label").asText()).isEqualTo("Partially Completed");
    assertThat(result.get("summary").asText())
        .startsWith("line 3 of 5 refused: % Invalid input")
        .contains("2 lines applied before it; not saved");
    assertThat(result.get("output").asText()).contains("% Invalid input");
    assertThat(sim.appliedLines()).hasSize(4); // hostname + the banner block of 3 lines
    assertThat(sim.saves()).isZero();
    assertThat(z.status("sw2").get("final").asText()).isEqualTo("Partially Completed");
    assertThat(z.events("sw2", "PUSH_PARTIAL").get(0).get("data").get("failed_line").asText())
        .isEqualTo("interface Ethernet1");

    sim.faults(SshFaults.NONE);
    long again = z.tree(z.send("POST", "/api/v1/devices/sw2/push", null)).get("id").asLong();
    z.awaitJob(again, "succeeded");
    assertThat(z.status("sw2").get("phase").asText()).isEqualTo("provisioned");
  }

  @Test
  void aTransactionalVendorRefusingALineFailsWithNothingApplied() throws Exception {
    DeviceSshServer sim = verified("mx1", "juniper", "JN11E6C9BAFA", null);
    sim.faults(SshFaults.NONE.withRejectPattern("location"));
    long job = z.tree(z.send("POST", "/api/v1/devices/mx1/push", null)).get("id").asLong();
    JsonNode j = z.awaitJob(job, "failed");
    assertThat(j.get("results").get(0).get("summary").asText()).contains("nothing committed");
    assertThat(sim.appliedLines()).isEmpty();
    assertThat(z.status("mx1").get("final").asText()).isEqualTo("Failed");
  }

  @Test
  void anApprovalRequiredGroupHoldsThePushUntilApproved() throws Exception {
    var g = z.send("PUT", "/api/v1/groups/core", "{\"name\":\"core\",\"approval_required\":true}");
    assertThat(g.statusCode()).as(g.body()).isIn(200, 201);
    DeviceSshServer sim = verified("core1", "cisco-nxos", "FDO21120U8N", "core");
    var r = z.send("POST", "/api/v1/jobs", "{\"devices\":[\"core1\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode job = z.tree(r);
    assertThat(job.get("state").asText()).isEqualTo("pending_approval");
    assertThat(job.get("label").asText()).isEqualTo("Pending Approval");
    assertThat(z.status("core1").get("final").asText()).isEqualTo("Pending Approval");
    assertThat(sim.appliedLines()).isEmpty();

    long id = job.get("id").asLong();
    var approved = z.send("POST", "/api/v1/jobs/" + id + "/approve", null);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    z.awaitJob(id, "succeeded");
    assertThat(z.get("/api/v1/jobs/" + id).get("approved_by").asText()).isEqualTo("anonymous");
    assertThat(sim.appliedLines()).contains("feature lldp");
    assertThat(z.status("core1").get("phase").asText()).isEqualTo("provisioned");
    assertThat(z.send("POST", "/api/v1/jobs/" + id + "/approve", null).statusCode()).isEqualTo(409);
    assertThat(z.get("/api/v1/jobs").get(0).get("id").asLong()).isEqualTo(id);
  }

  @Test
  void pushingWhatCannotBePushedIsRefusedWithTheReason() {
    z.device("fresh", "arista", "JPE1", null, 22);
    var r = z.send("POST", "/api/v1/devices/fresh/push", null);
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(z.tree(r).get("detail").asText())
        .contains("not verified")
        .contains("serial Not Checked");
    assertThat(z.send("POST", "/api/v1/devices/ghost/push", null).statusCode()).isEqualTo(404);
    assertThat(z.send("POST", "/api/v1/jobs", "{\"devices\":[]}").statusCode()).isEqualTo(400);
    assertThat(z.send("POST", "/api/v1/jobs", "{\"devices\":[\"fresh\"],\"x\":1}").statusCode())
        .isEqualTo(400);
    assertThat(z.send("GET", "/api/v1/jobs/999", null).statusCode()).isEqualTo(404);
    assertThat(z.get("/api/v1/jobs").size()).isZero();
  }
}
