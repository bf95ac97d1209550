package io.ztpd.store.bench;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.store.Store;
import io.ztpd.store.Stores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The latency of one EventLog.append as the timeline does it during a fetch storm: batches of 32
 * events rotating over 1,000 devices, one appender, for {@code seconds} (and at most 2,000,000
 * events). Prints events/s and the p50 / p99 / p99.9 / max of an append (every fetch in the batch
 * waits that long). Not a test; run by hand: {@code AppendLatencyBench <store-url> [seconds]}.
 */
public final class AppendLatencyBench {
  private static final int BATCH = 32;
  private static final int DEVICES = 1_000;
  private static final long MAX_EVENTS = 2_000_000;

  private AppendLatencyBench() {}

  public static void main(String[] args) {
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
    try (Store store = Stores.open(args[0])) {
      run(store, 2); // warm-up
      long[] lat = run(store, seconds);
      Arrays.sort(lat);
      System.out.printf(
          "appends %d  events/s %.0f  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms%n",
          lat.length,
          lat.length * (double) BATCH / seconds,
          ms(lat, 0.50),
          ms(lat, 0.99),
          ms(lat, 0.999),
          lat[lat.length - 1] / 1e6);
    }
  }

  private static double ms(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }

  private static int next;

  private static long[] run(Store store, double seconds) {
    List<Long> out = new ArrayList<>();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long events = 0;
    while (System.nanoTime() < end && events < MAX_EVENTS) {
      List<Event> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < BATCH; i++) {
        String device = "leaf%04d".formatted(next++ % DEVICES);
        batch.add(
            Event.of(
                device,
                EventKind.CONF_MIN_FETCHED,
                "http",
                "fetched config/" + device + " over HTTP (1234 bytes)",
                Map.of("path", "config/" + device, "protocol", "http", "bytes", "1234")));
      }
      long t0 = System.nanoTime();
      store.events().append(batch);
      out.add(System.nanoTime() - t0);
      events += BATCH;
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }
}
