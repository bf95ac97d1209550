package io.ztpd.sim.fleet;

import io.ztpd.sim.device.DeviceFaults;
import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.DeviceSsh;
import io.ztpd.sim.device.FaultState;
import io.ztpd.sim.device.Reporter;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.dhcp.DhcpClient;
import io.ztpd.sim.dhcp.DhcpLease;
import io.ztpd.sim.dhcp.Relay;
import io.ztpd.sim.net.Fetcher;
import io.ztpd.sim.net.PacketLoss;
import io.ztpd.sim.net.SftpFetch;
import io.ztpd.sim.persona.Persona;
import java.io.IOException;
import java.net.InetAddress;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One device from power-on: DHCP through the relay, its persona's flow, and — when a step fails —
 * ZTP started over after a pause (a device deletes what it got and begins again), up to the
 * configured number of attempts; then "failed" is reported when the device has a report channel.
 * Once the minimal configuration is loaded, the device's SSH server is started.
 */
final class DeviceLife {
  private final SimSettings settings;
  private final Relay relay;
  private final SftpFetch sftp;
  private final DeviceSsh ssh;
  private final Consumer<AutoCloseable> keepOpen;
  private final AckLog acks;

  DeviceLife(
      SimSettings settings,
      Relay relay,
      SftpFetch sftp,
      DeviceSsh ssh,
      Consumer<AutoCloseable> keepOpen,
      AckLog acks) {
    this.acks = acks;
    this.settings = settings;
    this.relay = relay;
    this.sftp = sftp;
    this.ssh = ssh;
    this.keepOpen = keepOpen;
  }

  Outcome live(FleetDevice device, Persona persona, long powerOn) throws InterruptedException {
    DeviceSpec spec = device.spec();
    DeviceFaults faults = device.faults();
    long seed = settings.seed() * 1_000_003L + spec.index();
    SplittableRandom random = new SplittableRandom(seed);
    PacketLoss loss = faults.loss() > 0 ? new PacketLoss(faults.loss(), seed) : PacketLoss.NONE;
    FaultState faultState = new FaultState(faults);
    DhcpClient dhcp =
        new DhcpClient(
            relay,
            spec.macBytes(),
            persona.dhcpOptions(spec),
            settings.dhcp(),
            loss,
            random,
            "Gi1/0/" + (1 + spec.index() % 48) + ":" + spec.index());
    String step = "dhcp";
    String reason = "no attempt made";
    String ip = null;
    DeviceRun run = null;
    int retries = 0;
    int attempt = 0;
    long leaseMillis = -1;
    while (attempt < settings.attempts()) {
      attempt++;
      if (attempt > 1) pause(random, attempt);
      DhcpLease lease;
      try {
        lease = dhcp.obtain();
      } catch (DhcpClient.DhcpFailure | IOException e) {
        step = "dhcp";
        reason = e.getMessage();
        continue;
      }
      ip = lease.ip();
      if (leaseMillis < 0) leaseMillis = elapsed(powerOn);
      acks.dhcpAck(spec, ip);
      Fetcher files;
      try {
        files =
            new Fetcher(
                InetAddress.getByName(lease.ip()),
                settings.target().ports(),
                settings.retry(),
                settings.tftp(),
                loss,
                sftp,
                random);
      } catch (IOException e) {
        step = "dhcp";
        reason = "leased address " + lease.ip() + " is unusable: " + e.getMessage();
        continue;
      }
      if (attempt == 1 && faults.stalls() > 0) files.stall(faults.stalls());
      Reporter reporter = new Reporter(files, spec);
      reporter.onAccepted((status, seq) -> acks.report(spec, status, seq));
      run = new DeviceRun(spec, lease, files, reporter, faultState);
      try {
        persona.provision(run);
        retries += files.retries();
        reporter.send("done", "ztp", "zero touch provisioning complete");
        startSsh(persona, run, faults);
        acks.provisioned(spec, ip);
        return new Outcome(
            device,
            true,
            null,
            null,
            elapsed(powerOn),
            leaseMillis,
            attempt,
            retries,
            faultState.corrupted(),
            ip,
            keep(run));
      } catch (StepFailure f) {
        retries += files.retries();
        step = f.step();
        reason = f.getMessage();
        if (!f.retryable()) break;
        if (attempt < settings.attempts()) {
          reporter.send(
              "progress", step, reason + "; starting ZTP over (attempt " + (attempt + 1) + ")");
        }
      }
    }
    if (run != null) run.reporter().send("failed", step, reason);
    return new Outcome(
        device,
        false,
        step,
        reason,
        elapsed(powerOn),
        leaseMillis,
        attempt,
        retries,
        faultState.corrupted(),
        ip,
        keep(run));
  }

  private void startSsh(Persona persona, DeviceRun run, DeviceFaults faults) {
    if (settings.sshPort() <= 0 || faults.unreachable()) return;
    try {
      keepOpen.accept(
          ssh.start(
              new DeviceSsh.SshFacts(
                  run.spec(),
                  persona.vendor(),
                  run.lease().ip(),
                  settings.sshPort(),
                  run.account(),
                  run.hostname(),
                  run.config(),
                  faults)));
    } catch (IOException e) {
      run.note("ssh", "SSH server did not start: " + e.getMessage());
    }
  }

  private DeviceRun keep(DeviceRun run) {
    return settings.keepFiles() ? run : null;
  }

  private void pause(SplittableRandom random, int attempt) throws InterruptedException {
    long base = settings.retryDelayMillis() << Math.min(6, attempt - 2);
    Thread.sleep(base + (base > 1 ? random.nextLong(base) : 0));
  }

  private static long elapsed(long since) {
    return (System.nanoTime() - since) / 1_000_000L;
  }
}
