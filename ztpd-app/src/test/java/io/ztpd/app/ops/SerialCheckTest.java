package io.ztpd.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztpd.sim.ssh.DeviceSshServer;
import io.ztpd.sim.ssh.SshFaults;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7, serial check: a real ztpd logs in to simulated devices over SSH. */
class SerialCheckTest {
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

  @Test
  void confMinLoadedThenTheSerialIsReadAndChecked() throws Exception {
    z.deviceWithSsh("leaf1", "arista", "JPE14080457", "JPE14080457", null);
    z.awaitStatus("leaf1", "serial", "Checked");
    JsonNode s = z.status("leaf1");
    assertThat(s.get("phase").asText()).isEqualTo("verified");
    assertThat(s.get("observed_serial").asText()).isEqualTo("JPE14080457");
    // one attempt, unless a slow machine needed a retry: every extra attempt is a recorded failure
    var failed = z.events("leaf1", "SERIAL_CHECK_FAILED");
    assertThat(z.events("leaf1", "SERIAL_CHECK_STARTED"))
        .as(failed.toString())
        .hasSize(failed.size() + 1);
  }

  @Test
  void mismatchIsResolvedWithANewSerial() throws Exception {
    z.deviceWithSsh("leaf2", "juniper", "TEMP-0002", "PE3714100218", null);
    z.awaitStatus("leaf2", "serial", "Mismatch");
    assertThat(z.status("leaf2").get("observed_serial").asText()).isEqualTo("PE3714100218");
    assertThat(z.events("leaf2", "SERIAL_MISMATCH").get(0).get("data").get("expected").asText())
        .isEqualTo("TEMP-0002");

    var bad = z.send("POST", "/api/v1/devices/leaf2/check-serial", "{\"serial\":\"bad serial!\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(z.tree(bad).get("field").asText()).isEqualTo("serial");
    z.device("other", "arista", "PE3714100218-X", null, 22);
    var taken =
        z.send("POST", "/api/v1/devices/leaf2/check-serial", "{\"serial\":\"PE3714100218-X\"}");
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(z.tree(taken).get("detail").asText())
        .contains("already declared for device 'other'");

    var ok = z.send("POST", "/api/v1/devices/leaf2/check-serial", "{\"serial\":\"PE3714100218\"}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode r = z.tree(ok);
    assertThat(r.get("result").asText()).isEqualTo("checked");
    assertThat(r.get("device").get("serial").asText()).isEqualTo("PE3714100218");
    assertThat(r.get("device").get("status").get("serial").asText()).isEqualTo("Checked");
    assertThat(z.events("leaf2", "SERIAL_UPDATED")).hasSize(1);
  }

  @Test
  void wrongCredentialsFailWithAReasonAndRetriesAreBounded() throws Exception {
    DeviceSshServer sim =
        z.deviceWithSsh("leaf3", "huawei", "2102351931P0C3000154", "2102351931P0C3000154", null);
    sim.faults(SshFaults.NONE.withRejectCredentials(true));
    // the check may have started before the fault: ask again so that all attempts see it
    var r = z.send("POST", "/api/v1/devices/leaf3/check-serial", null);
    assertThat(r.statusCode()).isEqualTo(200);
    await()
        .atMost(OpsFixture.WAIT)
        .untilAsserted(
            () -> {
              var failed = z.events("leaf3", "SERIAL_CHECK_FAILED");
              assertThat(failed).isNotEmpty();
              JsonNode last = failed.get(failed.size() - 1);
              assertThat(last.get("data").get("reason").asText()).isEqualTo("auth_failed");
              assertThat(last.get("data").get("attempt").asText()).isEqualTo("3");
            });
    var failed = z.events("leaf3", "SERIAL_CHECK_FAILED");
    JsonNode last = failed.get(failed.size() - 1);
    assertThat(last.get("data").has("retry_in_seconds")).isFalse();
    assertThat(last.get("detail").asText()).contains("gave up after 3 attempts");
    assertThat(z.status("leaf3").get("serial").asText()).isEqualTo("Not Checked");
  }

  @Test
  void anUnreachableDeviceFailsClearlyAndIsRetried() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    z.device("leaf4", "cisco-iosxe", "FCW2233L0AB", null, closed);
    z.fetchConfMin("leaf4");
    var r = z.send("POST", "/api/v1/devices/leaf4/check-serial", null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = z.tree(r);
    assertThat(body.get("result").asText()).isEqualTo("failed");
    assertThat(body.get("reason").asText()).isEqualTo("unreachable");
    assertThat(body.get("detail").asText()).contains("cannot connect to 127.0.0.1:" + closed);
    assertThat(body.get("retrying").asBoolean()).isTrue();
    await()
        .atMost(OpsFixture.WAIT)
        .untilAsserted(
            () ->
                assertThat(z.events("leaf4", "SERIAL_CHECK_FAILED"))
                    .anySatisfy(
                        e -> assertThat(e.get("detail").asText()).contains("gave up after 3")));
  }

  @Test
  void checkSerialIsRefusedBeforeConfMinAndForUnknownDevices() {
    z.device("early", "arista", "X1", null, 22);
    var r = z.send("POST", "/api/v1/devices/early/check-serial", null);
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(z.tree(r).get("detail").asText()).contains("minimal configuration");
    assertThat(z.send("POST", "/api/v1/devices/nope/check-serial", null).statusCode())
        .isEqualTo(404);
  }
}
