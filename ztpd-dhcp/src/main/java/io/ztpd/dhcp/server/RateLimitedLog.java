package io.ztpd.dhcp.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/** At most one warning per key per period, with the count of those it held back. */
final class RateLimitedLog {
  private final Logger log;
  private final long periodNanos;
  private final ConcurrentHashMap<String, long[]> state = new ConcurrentHashMap<>();
  private final AtomicLong lines = new AtomicLong();

  RateLimitedLog(Logger log, long periodMillis) {
    this.log = log;
    this.periodNanos = periodMillis * 1_000_000;
  }

  void warn(String key, String message) {
    warn(key, () -> message);
  }

  /** As {@link #warn(String, String)}, building the message only when it is logged. */
  void warn(String key, java.util.function.Supplier<String> message) {
    long now = System.nanoTime();
    long[] s = state.computeIfAbsent(key, k -> new long[] {now - periodNanos - 1, 0});
    long suppressed;
    synchronized (s) {
      if (now - s[0] < periodNanos) {
        s[1]++;
        return;
      }
      s[0] = now;
      suppressed = s[1];
      s[1] = 0;
    }
    lines.incrementAndGet();
    if (suppressed > 0) {
      log.warn("{} ({} similar in the last period not logged)", message.get(), suppressed);
    } else {
      log.warn(message.get());
    }
  }

  /** Lines actually written (for tests of the limit). */
  long lines() {
    return lines.get();
  }
}
