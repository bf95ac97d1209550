package io.ztpd.core.progress;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How long a device may stay silent in an active phase before ztpd marks it failed ({@code
 * lifecycle.give_up_after} in ztpd.yaml). {@link Duration#ZERO} never gives up.
 *
 * @param limit the limit for every vendor without its own
 * @param byVendor limits by vendor profile id ({@code cisco-iosxe} ...)
 */
public record GiveUpSettings(Duration limit, Map<String, Duration> byVendor) {
  /**
   * Longer than the longest silence of a device that is doing well: an image install and the reboot
   * into it take 15 to 25 minutes on the slowest platforms (Junos, Huawei, IOS-XE).
   */
  public static final Duration DEFAULT = Duration.ofMinutes(30);

  private static final Duration MIN_SWEEP = Duration.ofMillis(100);
  private static final Duration MAX_SWEEP = Duration.ofSeconds(5);

  public GiveUpSettings {
    Objects.requireNonNull(limit, "limit");
    byVendor = Map.copyOf(byVendor);
    if (limit.isNegative() || byVendor.values().stream().anyMatch(Duration::isNegative)) {
      throw new IllegalArgumentException("a give-up limit cannot be negative");
    }
  }

  public static GiveUpSettings defaults() {
    return new GiveUpSettings(DEFAULT, Map.of());
  }

  /** The limit for a device of {@code vendor} (null: the default); zero = never. */
  public Duration limitFor(String vendor) {
    return vendor == null ? limit : byVendor.getOrDefault(vendor, limit);
  }

  /** Whether any device can be given up. */
  public boolean enabled() {
    return !limit.isZero() || byVendor.values().stream().anyMatch(d -> !d.isZero());
  }

  /**
   * How often silent devices are looked for: a quarter of the shortest limit, between 100 ms and 5
   * s. A device is given up at most that long after its limit.
   */
  public Duration sweepEvery() {
    Duration shortest = null;
    for (Duration d : byVendor.values()) {
      if (!d.isZero() && (shortest == null || d.compareTo(shortest) < 0)) shortest = d;
    }
    if (!limit.isZero() && (shortest == null || limit.compareTo(shortest) < 0)) shortest = limit;
    if (shortest == null) return MAX_SWEEP;
    Duration q = shortest.dividedBy(4);
    return q.compareTo(MIN_SWEEP) < 0 ? MIN_SWEEP : q.compareTo(MAX_SWEEP) > 0 ? MAX_SWEEP : q;
  }
}
