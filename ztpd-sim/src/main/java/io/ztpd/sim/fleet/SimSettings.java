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

  /** A copy with some settings changed. */
  private SimSettings with(java.util.function.Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  public SimSettings withArrivals(double perSecond) {
    return with(b -> b.arrivalsPerSecond = perSecond);
  }

  public SimSettings withKeepFiles(boolean keep) {
    return with(b -> b.keepFiles = keep);
  }

  public SimSettings withAttempts(int n, long delayMillis) {
    return with(
        b -> {
          b.attempts = n;
          b.retryDelayMillis = delayMillis;
        });
  }

  public SimSettings withSshPort(int port) {
    return with(b -> b.sshPort = port);
  }

  public SimSettings withSeed(long s) {
    return with(b -> b.seed = s);
  }

  public SimSettings withMaxActive(int n) {
    return with(b -> b.maxActive = n);
  }

  public SimSettings withTimeouts(DhcpClient.Timing d, Fetcher.Retry r) {
    return with(
        b -> {
          b.dhcp = d;
          b.retry = r;
        });
  }

  /** The settings' fields, changed one at a time by the {@code with} methods. */
  private static final class Builder {
    private final Target target;
    private final TftpClient.Options tftp;
    double arrivalsPerSecond;
    int maxActive;
    int attempts;
    long retryDelayMillis;
    DhcpClient.Timing dhcp;
    Fetcher.Retry retry;
    int sshPort;
    boolean keepFiles;
    long seed;

    Builder(SimSettings s) {
      target = s.target;
      arrivalsPerSecond = s.arrivalsPerSecond;
      maxActive = s.maxActive;
      attempts = s.attempts;
      retryDelayMillis = s.retryDelayMillis;
      dhcp = s.dhcp;
      retry = s.retry;
      tftp = s.tftp;
      sshPort = s.sshPort;
      keepFiles = s.keepFiles;
      seed = s.seed;
    }

    SimSettings build() {
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
          seed);
    }
  }
}
