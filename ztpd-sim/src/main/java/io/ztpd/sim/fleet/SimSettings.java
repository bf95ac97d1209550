package io.ztpd.sim.fleet;

import io.ztpd.sim.dhcp.DhcpClient;
import io.ztpd.sim.net.Fetcher;
import io.ztpd.sim.net.TftpClient;

/**
 * How the simulated fleet behaves.
 *
 * @param target the server under test
 * @param arrivalsPerSecond devices powered on per second (0 = all at once)
 * @param maxActive devices provisioning at the same time at most (0 = no limit); the rest wait
 *     powered on, their clock running
 * @param attempts ZTP attempts per device before it gives up
 * @param retryDelayMillis wait before a device starts ZTP over (jittered, doubled per attempt)
 * @param dhcp DHCP retransmission
 * @param retry file transfer timeout and retries
 * @param tftp TFTP options
 * @param sshPort port of each device's SSH server on its leased address (0 = none)
 * @param keepFiles keep every fetched file of each device (tests compare bytes)
 * @param seed seed of every random choice
 */
public record SimSettings(
    Target target,
    double arrivalsPerSecond,
    int maxActive,
    int attempts,
    long retryDelayMillis,
    DhcpClient.Timing dhcp,
    Fetcher.Retry retry,
    TftpClient.Options tftp,
    int sshPort,
    boolean keepFiles,
    long seed) {

  public static SimSettings defaults(Target target) {
    return new SimSettings(
        target,
        0,
        4_000,
        3,
        1_000,
        DhcpClient.Timing.DEFAULT,
        Fetcher.Retry.DEFAULT,
        TftpClient.Options.DEFAULT,
        0,
        false,
        1);
  }

  public SimSettings withArrivals(double perSecond) {
    return new SimSettings(
        target,
        perSecond,
        maxActive,
        attempts,
        retryDelayMillis,
        dhcp,
        retry,
        tftp,
        sshPort,
        keepFiles,
        seed);
  }

  public SimSettings withKeepFiles(boolean keep) {
    return new SimSettings(
        target,
        arrivalsPerSecond,
        maxActive,
        attempts,
        retryDelayMillis,
        dhcp,
        retry,
        tftp,
        sshPort,
        keep,
        seed);
  }

  public SimSettings withAttempts(int n, long delayMillis) {
    return new SimSettings(
        target,
        arrivalsPerSecond,
        maxActive,
        n,
        delayMillis,
        dhcp,
        retry,
        tftp,
        sshPort,
        keepFiles,
        seed);
  }

  public SimSettings withSshPort(int port) {
    return new SimSettings(
        target,
        arrivalsPerSecond,
        maxActive,
        attempts,
        retryDelayMillis,
        dhcp,
        retry,
        tftp,
        port,
        keepFiles,
        seed);
  }

  public SimSettings withSeed(long s) {
    return new SimSettings(
        target,
        arrivalsPerSecond,
        maxActive,
        attempts,
        retryDelayMillis,
        dhcp,
        retry,
        tftp,
        sshPort,
        keepFiles,
        s);
  }

  public SimSettings withMaxActive(int n) {
    return new SimSettings(
        target,
        arrivalsPerSecond,
        n,
        attempts,
        retryDelayMillis,
        dhcp,
        retry,
        tftp,
        sshPort,
        keepFiles,
        seed);
  }

  public SimSettings withTimeouts(DhcpClient.Timing d, Fetcher.Retry r) {
    return new SimSettings(
        target,
        arrivalsPerSecond,
        maxActive,
        attempts,
        retryDelayMillis,
        d,
        r,
        tftp,
        sshPort,
        keepFiles,
        seed);
  }
}
