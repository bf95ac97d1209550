package io.ztpd.app.board;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.ztpd.app.server.TestServers;
import io.ztpd.app.server.ZtpdServer;
import io.ztpd.app.sim.SimLab;
import io.ztpd.sim.fleet.FaultRates;
import io.ztpd.sim.fleet.FleetDevice;
import io.ztpd.sim.fleet.FleetPlan;
import io.ztpd.sim.fleet.Outcome;
import io.ztpd.sim.fleet.Simulator;
import io.ztpd.sim.fleet.SshServers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The board while the device simulator provisions a mixed fleet (every vendor flow: DHCP through a
 * relay, the vendor's files, the minimal config, an SSH server with the generated account): rows
 * turn Loaded and Checked live, in place; then one "Push selected" pushes every device's final
 * configuration to its simulated SSH server.
 */
class SimFleetBrowserTest extends BrowserTestBase {
  private static final int DEVICES = 12;

  /** Twelve SSH logins with key exchange on a busy 2-core machine: minutes, not seconds. */
  private static final LocatorAssertions.HasTextOptions SLOW =
      new LocatorAssertions.HasTextOptions().setTimeout(60_000);

  private final List<FleetDevice> fleet =
      FleetPlan.generate(FleetPlan.mix(DEVICES, "all"), 7, FaultRates.NONE);
  private SimLab lab;
  private int sshPort;

  @Override
  ZtpdServer startServer(Path dir) throws Exception {
    sshPort = TestServers.freeTcpPort();
    lab =
        SimLab.start(
            dir,
            Map.of(
                "ssh_port",
                sshPort,
                "pnp_backoff_seconds",
                "1",
                // what the example final templates use
                "snmp",
                Map.of("community", "lab-ro", "location", "lab"),
                "uplink",
                "Ethernet1",
                "banner",
                "lab device, provisioned by ztpd"),
            fleet,
            "verify: { serial_check: auto, delay: 0s, attempts: 40, backoff: 200ms,"
                + " max_backoff: 2s, timeout: 20s }");
    return lab.server;
  }

  private Locator cell(String id, String column) {
    return page.locator("#devices tr[data-device='" + id + "'] td.c-" + column);
  }

  @Test
  void theTableFollowsASimulatedFleetLiveThenPushesItsFinalConfigs() throws Exception {
    // the example final templates name the device's group and role
    var group =
        send("PUT", "/api/v1/groups/lab", "{\"name\":\"lab\",\"variables\":{\"role\":\"leaf\"}}");
    assertThat(group.statusCode()).as(group.body()).isEqualTo(200);
    for (FleetDevice d : fleet) {
      var dev = (ObjectNode) getJson("/api/v1/devices/" + d.spec().id());
      dev.put("group", "lab");
      var r = send("PUT", "/api/v1/devices/" + d.spec().id(), dev.toString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    open("#/?limit=100");
    assertThat(page.locator("#page")).hasText("1–" + DEVICES + " of " + DEVICES);
    page.evaluate(
        "document.querySelectorAll('#devices tbody tr').forEach((tr) => tr.dataset.mark = 'kept')");

    try (Simulator sim =
        new Simulator(lab.settings().withSshPort(sshPort).withArrivals(4), new SshServers())) {
      CompletableFuture<List<Outcome>> run =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return sim.run(fleet, Simulator.Listener.NONE);
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      for (FleetDevice d : fleet) {
        assertThat(cell(d.spec().id(), "conf_min")).hasText("Loaded", SLOW);
      }
      for (Outcome o : run.join()) {
        assertThat(o.done())
            .as(o.device().spec().id() + ": " + o.step() + " " + o.reason())
            .isTrue();
      }
      for (FleetDevice d : fleet) {
        assertThat(cell(d.spec().id(), "serial_state").locator(".st")).hasText("Checked", SLOW);
      }
      screenshot("provisioned");
      assertThat(page.locator("#devices tbody tr[data-mark='kept']")).hasCount(DEVICES);
      assertThat(page.locator("#counts [data-key='serial.CHECKED'] b"))
          .hasText(String.valueOf(DEVICES));

      // one job pushes every device's final configuration over SSH, per vendor
      page.check("#devices thead input[type=checkbox]");
      page.click("#push-selected");
      Locator results = page.locator("#board-jobs tr[data-device] .result");
      assertThat(results).hasCount(DEVICES);
      for (int i = 0; i < DEVICES; i++) assertThat(results.nth(i)).hasText("Success", SLOW);
      for (FleetDevice d : fleet) {
        assertThat(cell(d.spec().id(), "final").locator(".st")).hasText("Pushed");
      }
      assertThat(page.locator("#counts [data-key='phase.provisioned'] b"))
          .hasText(String.valueOf(DEVICES));
      screenshot("pushed");
    }
  }
}
