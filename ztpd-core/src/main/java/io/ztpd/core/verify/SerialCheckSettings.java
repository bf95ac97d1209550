package io.ztpd.core.verify;

import java.time.Duration;

/**
 * How serial checks run ({@code verify:} in ztpd.yaml).
 *
 * @param automatic check on its own once a device's minimal configuration is loaded ({@code
 *     serial_check: auto}); else only when an operator asks ({@code manual})
 * @param delay wait after the minimal configuration was fetched before the first attempt (the
 *     device needs time to apply it)
 * @param attempts attempts per check while the device is unreachable or refuses the login
 * @param backoff wait before the second attempt; doubles each time
 * @param maxBackoff the longest wait between attempts
 * @param timeout limit for connecting, logging in and each command
 */
public record SerialCheckSettings(
    boolean automatic,
    Duration delay,
    int attempts,
    Duration backoff,
    Duration maxBackoff,
    Duration timeout) {

  public SerialCheckSettings {
    if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
  }

  public static SerialCheckSettings defaults() {
    return new SerialCheckSettings(
        true,
        Duration.ofSeconds(10),
        8,
        Duration.ofSeconds(10),
        Duration.ofMinutes(5),
        Duration.ofSeconds(30));
  }

  /** The wait after attempt {@code n} (1-based) failed. */
  public Duration backoffAfter(int n) {
    Duration d = backoff;
    for (int i = 1; i < n && d.compareTo(maxBackoff) < 0; i++) d = d.multipliedBy(2);
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }
}
