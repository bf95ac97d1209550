package io.ztpd.sim.net;

import java.util.SplittableRandom;

/**
 * Datagram loss on a device's link: each datagram is dropped with probability {@code rate}. One
 * instance per device (not shared between threads), seeded from the fleet seed.
 */
public final class PacketLoss {
  public static final PacketLoss NONE = new PacketLoss(0, 0);

  private final double rate;
  private final SplittableRandom random;

  public PacketLoss(double rate, long seed) {
    if (rate < 0 || rate >= 1) throw new IllegalArgumentException("loss rate must be in [0, 1)");
    this.rate = rate;
    this.random = new SplittableRandom(seed);
  }

  /** Whether the next datagram is lost. */
  public boolean drop() {
    if (rate == 0) return false;
    synchronized (this) {
      return random.nextDouble() < rate;
    }
  }

  public double rate() {
    return rate;
  }
}
