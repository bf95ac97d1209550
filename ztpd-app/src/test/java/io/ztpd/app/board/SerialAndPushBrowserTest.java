package io.ztpd.app.board;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import io.ztpd.app.server.TestServers;
import io.ztpd.sim.ssh.DeviceSshServer;
import io.ztpd.sim.ssh.SshFaults;
import io.ztpd.sim.ssh.SshPersona;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's acceptance in the browser: simulated Arista switches with their own SSH servers ({@link
 * DeviceSshServer}) fetch their minimal configuration from a real ztpd, which logs in to check
 * their serials; the operator resolves a mismatch in the modal and pushes final configs.
 */
class SerialAndPushBrowserTest extends BrowserTestBase {
  private final List<DeviceSshServer> sims = new ArrayList<>();

  @Override
  String extraConfig() {
    // a busy 2-core machine can take seconds per SSH handshake: retries, and patient waits below
    return "verify: { serial_check: auto, delay: 0s, attempts: 3, backoff: 100ms, max_backoff: 200ms,"
        + " timeout: 15s }";
  }

  @Override
  void prepare(Path dir) throws IOException {
    Files.writeString(
        dir.resolve("templates/arista.j2"),
        "username {{ account.username }} privilege 15 secret 0 {{ account.password }}\n");
    Files.writeString(
        dir.resolve("templates/arista-final.j2"),
        "hostname {{ hostname }}\ninterface Ethernet1\n   description uplink\n"
            + "ntp server 192.0.2.123\nsnmp-server location dc1\nend\n");
  }

  @AfterEach
  void stopSimulators() {
    sims.forEach(DeviceSshServer::close);
  }

  /**
   * Creates an Arista device declared with {@code declared}, starts its SSH server (really {@code
   * real}) with the account ztpd generated, and lets it fetch its minimal config: the check starts.
   */
  private DeviceSshServer device(String id, String declared, String real, String group)
      throws Exception {
    int port = TestServers.freeTcpPort();
    String body =
        "{\"id\":\"%s\",\"hostname\":\"%s.dc1\",\"serial\":\"%s\",\"vendor\":\"arista\",\"site\":\"dc1\"%s,\"variables\":{\"ssh_port\":%d}}"
            .formatted(id, id, declared, group == null ? "" : ",\"group\":\"" + group + "\"", port);
    var r = send("PUT", "/api/v1/devices/" + id, body);
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    assertThat(get("/api/v1/devices/" + id + "/render").statusCode()).isEqualTo(200);
    JsonNode account = getJson("/api/v1/devices/" + id + "/account");
    DeviceSshServer sim =
        DeviceSshServer.start(
            "127.0.0.1",
            port,
            new SshPersona(
                "arista",
                id + ".dc1",
                real,
                null,
                account.get("username").asText(),
                account.get("password").asText()));
    sims.add(sim);
    return sim;
  }

  private void boots(String id) throws Exception {
    var r = get("/ztp/config/" + id);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private Locator cell(String id, String column) {
    return page.locator("#devices tr[data-device='" + id + "'] td.c-" + column);
  }

  @Test
  void aSerialMismatchIsResolvedThroughTheModalThenChecked() throws Exception {
    device("leaf1", "TEMP-0001", "JPE14080457", null);
    open("#/");
    boots("leaf1");
    assertThat(cell("leaf1", "serial_state").locator(".st")).hasText("Mismatch");
    screenshot("mismatch");
    cell("leaf1", "serial_state").locator("button.gear").click();
    Locator modal = page.locator("dialog#modal");
    assertThat(modal).isVisible();
    assertThat(modal.locator(".wrong-serial")).hasText("TEMP-0001");
    assertThat(modal.locator(".observed-serial")).hasText("JPE14080457");
    assertThat(modal.locator(".account .username")).hasText("ztpadmin");
    assertThat(modal.locator(".account .password")).not().hasValue("");

    modal.locator("button:has-text('Check Serial')").click();
    assertThat(modal.locator("#new-serial + .field-error")).hasText("New Serial is required");
    modal.locator("#new-serial").fill("bad serial!");
    modal.locator("button:has-text('Check Serial')").click();
    assertThat(modal.locator("#new-serial + .field-error"))
        .containsText("serial 'bad serial!' is not valid");
    assertThat(modal.locator(".wrong-serial")).hasText("TEMP-0001"); // nothing was stored
    modal.locator("#new-serial").fill("JPE00000000");
    modal.locator("button:has-text('Check Serial')").click();
    assertThat(modal.locator(".field-error")).containsText("still a mismatch");
    assertThat(modal.locator(".field-error")).containsText("JPE14080457");
    screenshot("modal-still-mismatch");

    modal.locator("#new-serial").fill("JPE14080457");
    modal.locator("button:has-text('Check Serial')").click();
    assertThat(modal).isHidden();
    assertThat(cell("leaf1", "serial_state").locator(".st")).hasText("Checked");
    assertThat(getJson("/api/v1/devices/leaf1").get("serial").asText()).isEqualTo("JPE14080457");
    screenshot("checked");
  }

  @Test
  void pushAppliesTheFinalConfigAndAPushFailingHalfWayIsPartiallyCompleted() throws Exception {
    DeviceSshServer good = device("leaf1", "JPE0001", "JPE0001", null);
    DeviceSshServer half = device("leaf2", "JPE0002", "JPE0002", null);
    half.faults(SshFaults.NONE.withFailAfterLines(2));
    open("#/");
    boots("leaf1");
    boots("leaf2");
    assertThat(cell("leaf1", "serial_state").locator(".st")).hasText("Checked");
    assertThat(cell("leaf2", "serial_state").locator(".st")).hasText("Checked");

    cell("leaf1", "final").locator("button.push").click();
    assertThat(cell("leaf1", "final").locator(".st")).hasText("Pushed");
    assertThat(good.appliedLines()).contains("hostname leaf1.dc1", "snmp-server location dc1");

    page.check("#devices tr[data-device='leaf2'] td.c-select input");
    page.click("#push-selected");
    Locator result = page.locator("#board-jobs tr[data-device='leaf2']");
    assertThat(result.locator(".result")).hasText("Partially Completed");
    assertThat(result.locator("details pre.output")).isVisible();
    assertThat(cell("leaf2", "final").locator(".st")).hasText("Partially Completed");
    assertThat(half.appliedLines()).hasSize(2);
    screenshot("partial");

    // the state opens the job with the device's result and output
    cell("leaf1", "final").locator(".st").click();
    assertThat(page.locator("dialog#modal tr[data-device='leaf1'] .result")).hasText("Success");
    screenshot("job-success");
  }

  @Test
  void aGroupRequiringApprovalHoldsThePushUntilApproved() throws Exception {
    assertThat(
            send("PUT", "/api/v1/groups/core", "{\"name\":\"core\",\"approval_required\":true}")
                .statusCode())
        .isEqualTo(200);
    DeviceSshServer sim = device("core1", "JPE0009", "JPE0009", "core");
    open("#/");
    boots("core1");
    assertThat(cell("core1", "serial_state").locator(".st")).hasText("Checked");
    cell("core1", "final").locator("button.push").click();
    assertThat(cell("core1", "final").locator(".st")).hasText("Pending Approval");
    assertThat(sim.appliedLines()).isEmpty();
    cell("core1", "final").locator("button.approve").click();
    assertThat(cell("core1", "final").locator(".st")).hasText("Pushed");
    assertThat(sim.appliedLines()).contains("hostname core1.dc1");
  }

  @Test
  void wrongCredentialsAndUnreachableDevicesSayWhyOnTheBoard() throws Exception {
    DeviceSshServer refusing = device("leaf1", "JPE0001", "JPE0001", null);
    refusing.faults(SshFaults.NONE.withRejectCredentials(true));
    DeviceSshServer gone = device("leaf2", "JPE0002", "JPE0002", null);
    gone.close();
    DeviceSshServer later = device("leaf3", "JPE0003", "JPE0003", null);
    open("#/");
    boots("leaf1");
    boots("leaf2");
    boots("leaf3");
    assertThat(cell("leaf1", "serial_state").locator(".check-failed")).isVisible();
    assertThat(cell("leaf2", "serial_state").locator(".check-failed")).isVisible();
    Locator auth = cell("leaf1", "serial_state").locator(".check-failed");
    assertThat(auth).hasText("the device refused the local account (wrong credentials?)");
    assertThat(auth).hasAttribute("title", Pattern.compile("auth_failed.*ztpadmin"));
    assertThat(cell("leaf2", "serial_state").locator(".check-failed"))
        .hasText("the device is unreachable over SSH");

    // a checked device that goes away before its push: Failed, and the job says why
    assertThat(cell("leaf3", "serial_state").locator(".st")).hasText("Checked");
    later.close();
    cell("leaf3", "final").locator("button.push").click();
    assertThat(cell("leaf3", "final").locator(".st")).hasText("Failed");
    cell("leaf3", "final").locator(".st").click();
    Locator output = page.locator("dialog#modal tr[data-device='leaf3'] pre.output");
    assertThat(output).isVisible();
    assertThat(output).not().isEmpty();
    assertThat(page.locator("[aria-busy='true']")).hasCount(0);
    screenshot("failures");
  }
}
