package io.ztpd.app.demo;

import io.ztpd.core.inventory.Inventory;
import io.ztpd.core.model.Device;
import io.ztpd.sim.device.DeviceSsh;
import io.ztpd.sim.fleet.FaultRates;
import io.ztpd.sim.fleet.FleetDevice;
import io.ztpd.sim.fleet.FleetPlan;
import io.ztpd.sim.fleet.Outcome;
import io.ztpd.sim.fleet.SimSettings;
import io.ztpd.sim.fleet.Simulator;
import io.ztpd.sim.fleet.Summary;
import io.ztpd.sim.fleet.Target;
import io.ztpd.sim.net.Fetcher;
import io.ztpd.sim.persona.Personas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's fleet: simulated devices of mixed vendors, planned in the lab site, powered on a few
 * per second so the board fills by itself — DHCP through the lab relay, then each vendor's own
 * protocol, some with injected faults (a corrupted file retried, a stalled transfer) so the
 * timeline shows those paths too. Their SSH servers stay up until the demo stops.
 */
public final class DemoSimulation implements Runnable, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DemoSimulation.class);

  private final List<FleetDevice> fleet;
  private final SimSettings settings;
  private final DeviceSsh ssh;
  private volatile Simulator simulator;

  private DemoSimulation(List<FleetDevice> fleet, SimSettings settings, DeviceSsh ssh) {
    this.fleet = fleet;
    this.settings = settings;
    this.ssh = ssh;
  }

  /**
   * Plans {@code counts} devices (persona → count) in the lab site of {@code inventory} and returns
   * the simulation that will power them on.
   */
  public static DemoSimulation plan(
      Inventory inventory,
      Map<String, Integer> counts,
      int dhcpPort,
      int relayPort,
      Fetcher.Ports ports,
      DeviceSsh ssh,
      int sshPort) {
    List<FleetDevice> fleet =
        FleetPlan.generate(counts, 42, FaultRates.parse("checksum=0.15,timeout=0.1"));
    List<Device> devices = new ArrayList<>();
    for (FleetDevice d : fleet) {
      var s = d.spec();
      String vendor = Personas.byId(s.persona()).orElseThrow().vendor();
      devices.add(
          new Device(
              s.id(),
              s.id(),
              s.serial(),
              s.mac(),
              vendor,
              s.model(),
              null,
              null,
              null,
              DemoFiles.LAB_SITE,
              inventory.group(DemoFiles.LAB_GROUP).isPresent() ? DemoFiles.LAB_GROUP : null,
              null,
              null,
              null,
              null,
              Map.of()));
    }
    inventory.importAll(List.of(), List.of(), devices, false, "demo fleet");
    SimSettings settings =
        SimSettings.defaults(
                new Target("127.0.0.1", dhcpPort, DemoFiles.LAB_RELAY, relayPort, ports))
            .withArrivals(2)
            .withAttempts(3, 2_000)
            .withSshPort(sshPort)
            .withSeed(42);
    return new DemoSimulation(fleet, settings, ssh);
  }

  public int size() {
    return fleet.size();
  }

  @Override
  public void run() {
    long start = System.nanoTime();
    try {
      simulator = new Simulator(settings, ssh);
      List<Outcome> out = simulator.run(fleet, Simulator.Listener.NONE);
      Summary s = Summary.of(out, (System.nanoTime() - start) / 1_000_000L);
      log.info("demo fleet finished:\n{}", s.format());
      for (Outcome o : out) {
        if (!o.done())
          log.info("demo device {} failed at {}: {}", o.device().spec().id(), o.step(), o.reason());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("demo fleet stopped: {}", e.toString());
    }
  }

  @Override
  public void close() {
    Simulator s = simulator;
    if (s != null) s.close();
  }
}
