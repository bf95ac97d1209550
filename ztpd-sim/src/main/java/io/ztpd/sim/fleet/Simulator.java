package io.ztpd.sim.fleet;

import io.ztpd.sim.device.DeviceSsh;
import io.ztpd.sim.dhcp.Relay;
import io.ztpd.sim.net.SftpFetch;
import io.ztpd.sim.persona.Persona;
import io.ztpd.sim.persona.Personas;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs a fleet against a ZTP server: one relay socket for every device, one virtual thread per
 * device, devices powered on at the configured arrival rate. SSH servers of provisioned devices
 * stay up until the simulator is closed.
 */
public final class Simulator implements AutoCloseable {
  /** Told about each device as it powers on and as it ends. */
  public interface Listener {
    default void started(FleetDevice device) {}

    default void finished(Outcome outcome) {}

    Listener NONE = new Listener() {};
  }

  private final SimSettings settings;
  private final Relay relay;
  private final SftpFetch sftp = new SftpFetch();
  private final DeviceSsh ssh;
  private final ConcurrentLinkedDeque<AutoCloseable> open = new ConcurrentLinkedDeque<>();

  public Simulator(SimSettings settings, DeviceSsh ssh) throws IOException {
    this.settings = settings;
    this.ssh = ssh;
    Target t = settings.target();
    this.relay =
        new Relay(
            new InetSocketAddress(InetAddress.getByName(t.relayAddress()), t.relayPort()),
            new InetSocketAddress(InetAddress.getByName(t.dhcpHost()), t.dhcpPort()),
            "ztpd-sim-relay");
  }

  public Relay relay() {
    return relay;
  }

  /** Runs every device to its end; outcomes in fleet order. */
  public List<Outcome> run(List<FleetDevice> fleet, Listener listener) throws InterruptedException {
    return run(fleet, listener, AckLog.NONE);
  }

  /** Runs every device to its end, logging what the server acknowledged. */
  public List<Outcome> run(List<FleetDevice> fleet, Listener listener, AckLog acks)
      throws InterruptedException {
    DeviceLife life = new DeviceLife(settings, relay, sftp, ssh, open::add, acks);
    Semaphore active =
        new Semaphore(settings.maxActive() > 0 ? settings.maxActive() : Integer.MAX_VALUE);
    List<Future<Outcome>> futures = new ArrayList<>(fleet.size());
    long start = System.nanoTime();
    try (ExecutorService devices = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < fleet.size(); i++) {
        FleetDevice d = fleet.get(i);
        Persona persona = Personas.byId(d.spec().persona()).orElseThrow();
        if (settings.arrivalsPerSecond() > 0) {
          long due = start + (long) (i * 1e9 / settings.arrivalsPerSecond());
          long wait = due - System.nanoTime();
          if (wait > 0) Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
        futures.add(
            devices.submit(
                () -> {
                  long powerOn = System.nanoTime();
                  listener.started(d);
                  active.acquire();
                  try {
                    Outcome o = life.live(d, persona, powerOn);
                    listener.finished(o);
                    return o;
                  } finally {
                    active.release();
                  }
                }));
      }
      List<Outcome> out = new ArrayList<>(fleet.size());
      for (Future<Outcome> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("a simulated device crashed", e.getCause());
        }
      }
      return out;
    }
  }

  /** Number of device SSH servers running. */
  public int sshServers() {
    return open.size();
  }

  @Override
  public void close() {
    for (AutoCloseable c; (c = open.poll()) != null; ) {
      try {
        c.close();
      } catch (Exception ignored) {
        // shutting down
      }
    }
    relay.close();
    sftp.close();
  }
}
