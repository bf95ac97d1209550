package io.ztpd.app.cli;

import io.ztpd.sim.device.DeviceSsh;
import io.ztpd.sim.dhcp.DhcpClient;
import io.ztpd.sim.fleet.AckLog;
import io.ztpd.sim.fleet.FaultRates;
import io.ztpd.sim.fleet.FleetDevice;
import io.ztpd.sim.fleet.FleetPlan;
import io.ztpd.sim.fleet.FleetRun;
import io.ztpd.sim.fleet.SimSettings;
import io.ztpd.sim.fleet.SshServers;
import io.ztpd.sim.fleet.Target;
import io.ztpd.sim.net.Fetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ztpd simulate}: a fleet of simulated devices provisioning against a ZTP server (ztpd or
 * another): DHCP through a relay, each vendor's own protocol afterwards. Exit code 0 when every
 * outcome is what the injected faults predict, 1 when devices failed unexpectedly.
 */
@Command(
    name = "simulate",
    description = "Run simulated devices of every vendor against a ZTP server.",
    footer = {
      "",
      "Personas: juniper, cisco-iosxe (AutoInstall), cisco-pyztp, cisco-nxos, cisco-pnp, huawei,",
      "          arista, sonic, cumulus, aruba-cx.",
      "Faults (rates 0..1): checksum, corrupt, timeout, loss, wrong-serial, bad-credentials,",
      "          push-fail, unreachable.",
      "The devices must be in the server's inventory: --write-inventory writes the fleet as CSV",
      "(same --fleet/--count/--mix and --seed give the same devices).",
      "Example: ztpd simulate --count 1000 --mix all --rate 200 --dhcp-port 10067 --http-port 8080 \\",
      "           --tftp-port 10069 --relay 127.20.0.1"
    })
public final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--fleet", description = "devices per persona, e.g. juniper=10,sonic=5")
  String fleet;

  @Option(names = "--count", description = "number of devices, spread over --mix")
  Integer count;

  @Option(
      names = "--mix",
      defaultValue = "all",
      description = "weights for --count, e.g. juniper:3,sonic:1 (default: ${DEFAULT-VALUE})")
  String mix;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description = "devices powered on per second (0 = all at once)")
  double rate;

  @Option(
      names = "--max-active",
      defaultValue = "4000",
      description = "devices provisioning at once at most")
  int maxActive;

  @Option(names = "--faults", description = "fault rates, e.g. checksum=0.05,loss=0.01")
  String faults;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--server", defaultValue = "127.0.0.1", description = "DHCP server address")
  String server;

  @Option(names = "--dhcp-port", defaultValue = "67")
  int dhcpPort;

  @Option(
      names = "--relay",
      defaultValue = "127.0.0.1",
      description = "relay address (giaddr); must be local")
  String relay;

  @Option(
      names = "--relay-port",
      description = "port the server sends relay replies to (default: --dhcp-port + 1)")
  Integer relayPort;

  @Option(names = "--tftp-port", defaultValue = "69")
  int tftpPort;

  @Option(
      names = "--http-port",
      defaultValue = "80",
      description = "HTTP port for URLs without one")
  int httpPort;

  @Option(names = "--ftp-port", defaultValue = "21")
  int ftpPort;

  @Option(names = "--sftp-port", defaultValue = "22")
  int sftpPort;

  @Option(
      names = "--ssh-port",
      defaultValue = "0",
      description = "each device's SSH server port (0 = none)")
  int sshPort;

  @Option(names = "--attempts", defaultValue = "3", description = "ZTP attempts per device")
  int attempts;

  @Option(
      names = "--retry-delay",
      defaultValue = "1000",
      description = "ms before a device starts over")
  long retryDelay;

  @Option(
      names = "--dhcp-wait",
      defaultValue = "2000",
      description = "ms before the first DHCP retransmission")
  long dhcpWait;

  @Option(names = "--timeout", defaultValue = "30000", description = "ms per file transfer wait")
  int timeout;

  @Option(
      names = "--progress-every",
      defaultValue = "1000",
      description = "ms between progress lines")
  long progressEvery;

  @Option(
      names = "--list-failures",
      defaultValue = "20",
      description = "unexpected outcomes to list")
  int listFailures;

  @Option(
      names = "--write-inventory",
      description = "write the fleet as inventory CSV to this file and exit")
  Path writeInventory;

  @Option(
      names = "--ack-log",
      description = "log every DHCPACK, accepted report and provisioned device to this file")
  Path ackLog;

  @Option(
      names = "--site",
      defaultValue = "lab",
      description = "site of the devices in --write-inventory")
  String site;

  @Override
  public Integer call() throws Exception {
    List<FleetDevice> devices;
    try {
      Map<String, Integer> counts =
          fleet != null ? FleetPlan.counts(fleet) : FleetPlan.mix(count == null ? 10 : count, mix);
      devices = FleetPlan.generate(counts, seed, FaultRates.parse(faults));
    } catch (IllegalArgumentException e) {
      throw new CliException(2, e.getMessage());
    }
    if (writeInventory != null) {
      Files.writeString(writeInventory, FleetPlan.inventoryCsv(devices, site));
      System.out.println("wrote " + devices.size() + " device(s) to " + writeInventory);
      return 0;
    }
    SimSettings settings =
        SimSettings.defaults(
                new Target(
                    server,
                    dhcpPort,
                    relay,
                    relayPort != null ? relayPort : dhcpPort + 1,
                    new Fetcher.Ports(tftpPort, httpPort, ftpPort, sftpPort)))
            .withArrivals(rate)
            .withMaxActive(maxActive)
            .withAttempts(attempts, retryDelay)
            .withSshPort(sshPort)
            .withSeed(seed)
            .withTimeouts(new DhcpClient.Timing(dhcpWait, 4), new Fetcher.Retry(timeout, 3, 500));
    boolean tty = System.console() != null;
    FleetRun.Result r;
    try (AckLog acks = ackLog == null ? AckLog.NONE : AckLog.file(ackLog)) {
      r =
          FleetRun.run(
              settings, devices, sshSeam(), System.out, tty, progressEvery, listFailures, acks);
    } catch (java.io.IOException e) {
      throw new CliException(3, e.getMessage());
    }
    return r.clean() ? 0 : 1;
  }

  /** The devices' SSH servers (started when --ssh-port is set). */
  static DeviceSsh sshSeam() {
    return new SshServers();
  }
}
