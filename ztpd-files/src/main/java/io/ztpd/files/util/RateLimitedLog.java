package io.ztpd.files.util;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs bad input at most once per interval per kind, with how many were suppressed — a flood of
 * garbage must not become a flood of log lines.
 */
public final class RateLimitedLog {
  private final Logger log;
  private final long intervalNanos;
  private final ConcurrentHashMap<String, long[]> lastByKind = new ConcurrentHashMap<>();
  private final AtomicLong suppressed = new AtomicLong();

  public RateLimitedLog(Logger log, long intervalMillis) {
    this.log = log;
    this.intervalNanos = intervalMillis * 1_000_000L;
  }

  public void warn(String kind, String message) {
    long now = System.nanoTime();
    long[] last = lastByKind.computeIfAbsent(kind, k -> new long[] {now - intervalNanos - 1});
    synchronized (last) {
      if (now - last[0] < intervalNanos) {
        suppressed.incrementAndGet();
        return;
      }
      last[0] = now;
    }
    long skipped = suppressed.getAndSet(0);
    log.warn(skipped > 0 ? message + " (" + skipped + " similar lines suppressed)" : message);
  }
}
