package io.ztpd.sim.fleet;

import io.ztpd.sim.device.DeviceFaults;
import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.DeviceSsh;
import io.ztpd.sim.device.DeviceState;
import io.ztpd.sim.device.FaultState;
import io.ztpd.sim.device.Reboot;
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
 * One device from power-on: DHCP through the relay, then its persona's flow. When a step fails the
 * device starts ZTP over after a pause (as devices do: they delete what they got and begin again),
 * up to the configured number of attempts; a reboot into a new image starts over without counting.
 * What the device reports, and when, is its flow's business (the scripts report); this class adds
 * nothing. Once the minimal configuration is loaded, the device's SSH server starts.
 */
final class DeviceLife {
  static final int MAX_REBOOTS = 3;

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
    this.settings = settings;
    this.relay = relay;
    this.sftp = sftp;
    this.ssh = ssh;
    this.keepOpen = keepOpen;
    this.acks = acks;
  }

  /** Where one device's life stands. */
  private static final class Tally {
    String step = "dhcp";
    String reason = "no attempt made";
    String ip;
    DeviceRun run;
    int retries;
    int attempts;
    int reboots;
    int failuresReported;
    long leaseMillis = -1;
  }

  Outcome live(FleetDevice device, Persona persona, long powerOn) throws InterruptedException {
    DeviceSpec spec = device.spec();
    DeviceFaults faults = device.faults();
    long seed = settings.seed() * 1_000_003L + spec.index();
    SplittableRandom random = new SplittableRandom(seed);
    PacketLoss loss = faults.loss() > 0 ? new PacketLoss(faults.loss(), seed) : PacketLoss.NONE;
    FaultState faultState = new FaultState(faults);
    DeviceState state = new DeviceState(spec.version());
    DhcpClient dhcp =
        new DhcpClient(
            relay,
            spec.macBytes(),
            persona.dhcpOptions(spec),
            settings.dhcp(),
            loss,
            random,
            "Gi1/0/" + (1 + spec.index() % 48) + ":" + spec.index());
    Tally t = new Tally();
    boolean done = false;
    while (t.attempts < settings.attempts() && !done) {
      if (t.attempts++ > 0) pause(random, t.attempts);
      DhcpLease lease;
      try {
        lease = dhcp.obtain();
      } catch (DhcpClient.DhcpFailure | IOException e) {
        t.step = "dhcp";
        t.reason = e.getMessage();
        continue;
      }
      t.ip = lease.ip();
      if (t.leaseMillis < 0) t.leaseMillis = elapsed(powerOn);
      acks.dhcpAck(spec, t.ip);
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
        t.step = "dhcp";
        t.reason = "leased address " + lease.ip() + " is unusable: " + e.getMessage();
        continue;
      }
      if (t.attempts == 1 && t.reboots == 0 && faults.stalls() > 0) files.stall(faults.stalls());
      Reporter reporter = new Reporter(files, spec);
      reporter.onAccepted((status, seq) -> acks.report(spec, status, seq));
      t.run = new DeviceRun(spec, lease, files, reporter, faultState, state);
      try {
        persona.provision(t.run);
        done = true;
      } catch (Reboot r) {
        if (t.reboots++ < MAX_REBOOTS) t.attempts--; // a reboot is not a failed attempt
        t.step = "reboot";
        t.reason = "still rebooting after " + t.reboots + " reboots: " + r.getMessage();
      } catch (StepFailure f) {
        t.step = f.step();
        t.reason = f.getMessage();
        if (!f.retryable()) t.attempts = settings.attempts();
      } finally {
        t.retries += files.retries();
        t.failuresReported += reporter.failures();
      }
    }
    if (done) {
      startSsh(persona, t.run, faults);
      acks.provisioned(spec, t.ip);
    }
    return new Outcome(
        device,
        done,
        done ? null : t.step,
        done ? null : t.reason,
        elapsed(powerOn),
        t.leaseMillis,
        t.attempts,
        t.retries,
        faultState.corrupted(),
        t.failuresReported > 0 && persona.failureIsFinal(),
        t.ip,
        settings.keepFiles() ? t.run : null);
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
    } catch (IOException | RuntimeException e) {
      run.note("ssh", "SSH server did not start: " + e.getMessage());
    }
  }

  private void pause(SplittableRandom random, int attempt) throws InterruptedException {
    long base = settings.retryDelayMillis() << Math.min(6, attempt - 2);
    Thread.sleep(base + (base > 1 ? random.nextLong(base) : 0));
  }

  private static long elapsed(long since) {
    return (System.nanoTime() - since) / 1_000_000L;
  }
}
