package io.ztpd.store.bench;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.store.Store;
import io.ztpd.store.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * EventLog.append throughput: events/s for batch sizes 1, 100 and 1000, one appender, then four
 * concurrent appenders of batch 1 (the single SQLite writer queues them: no SQLITE_BUSY). Not a
 * test; run by {@code bench/store.sh}. Each cell runs for about {@code seconds} and at most a fixed
 * number of events, so the run is bounded.
 *
 * <p>Usage: {@code EventAppendBench <label>=<store-url> ... [--seconds N]}
 */
public final class EventAppendBench {
  private static final int[] BATCHES = {1, 100, 1000};
  private static final long MAX_EVENTS_PER_CELL = 2_000_000;

  private EventAppendBench() {}

  public static void main(String[] args) throws Exception {
    double seconds = 3;
    List<String[]> stores = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--seconds")) seconds = Double.parseDouble(args[++i]);
      else stores.add(args[i].split("=", 2));
    }
    System.out.printf(
        "%-22s %8s %8s %14s %10s%n", "store", "threads", "batch", "events/s", "errors");
    for (String[] s : stores) {
      try (Store store = Stores.open(s[1])) {
        run(store, 1, 100, 0.5); // warm-up: JIT, pool, page cache
        for (int batch : BATCHES) print(s[0], 1, batch, run(store, 1, batch, seconds));
        print(s[0], 4, 1, run(store, 4, 1, seconds));
      }
    }
  }

  private record Result(double eventsPerSecond, long errors) {}

  private static void print(String label, int threads, int batch, Result r) {
    System.out.printf(
        "%-22s %8d %8d %14.0f %10d%n", label, threads, batch, r.eventsPerSecond(), r.errors());
  }

  private static Result run(Store store, int threads, int batch, double seconds) throws Exception {
    List<Event> events = new ArrayList<>(batch);
    for (int i = 0; i < batch; i++) {
      events.add(
          Event.of(
              "dev-" + (i % 1000),
              EventKind.DHCP_DISCOVER,
              "dhcp",
              "DISCOVER from 00:1c:73:aa:bb:cc via 192.0.2.1",
              Map.of("mac", "00:1c:73:aa:bb:cc", "relay", "192.0.2.1", "xid", "0x1234abcd")));
    }
    AtomicLong appended = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < end && appended.get() < MAX_EVENTS_PER_CELL) {
                    try {
                      store.events().append(events);
                      appended.addAndGet(batch);
                    } catch (RuntimeException e) {
                      errors.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> f : futures) f.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Result(appended.get() / elapsed, errors.get());
  }
}
