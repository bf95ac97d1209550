package io.ztpd.sim.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per persona: done / failed, unexpected outcomes, p50 / p95 / p99 power-on to provisioned. */
public record Summary(Map<String, Row> rows, Row total, long wallMillis) {

  /** One line of the summary. */
  public record Row(
      int done,
      int failed,
      int unexpected,
      long p50,
      long p95,
      long p99,
      long max,
      long leaseP50) {}

  public static Summary of(List<Outcome> outcomes, long wallMillis) {
    Map<String, List<Outcome>> by = new TreeMap<>();
    for (Outcome o : outcomes) by.computeIfAbsent(o.persona(), k -> new ArrayList<>()).add(o);
    Map<String, Row> rows = new LinkedHashMap<>();
    for (var e : by.entrySet()) rows.put(e.getKey(), row(e.getValue()));
    return new Summary(rows, row(outcomes), wallMillis);
  }

  private static Row row(List<Outcome> os) {
    int done = 0;
    int unexpected = 0;
    long[] t = new long[os.size()];
    long[] lease = new long[os.size()];
    int n = 0;
    int leased = 0;
    for (Outcome o : os) {
      if (o.leaseMillis() >= 0) lease[leased++] = o.leaseMillis();
      if (o.done()) {
        done++;
        t[n++] = o.millis();
      }
      if (!o.expected()) unexpected++;
    }
    long[] d = Arrays.copyOf(t, n);
    Arrays.sort(d);
    long[] l = Arrays.copyOf(lease, leased);
    Arrays.sort(l);
    return new Row(
        done,
        os.size() - done,
        unexpected,
        pct(d, 50),
        pct(d, 95),
        pct(d, 99),
        n == 0 ? 0 : d[n - 1],
        pct(l, 50));
  }

  /** Nearest-rank percentile, 0 when empty. */
  static long pct(long[] sorted, int p) {
    if (sorted.length == 0) return 0;
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Devices provisioned per second of wall time. */
  public double devicesPerSecond() {
    return wallMillis == 0 ? 0 : total.done() * 1000.0 / wallMillis;
  }

  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%-14s %7s %7s %10s %9s %9s %9s %9s %13s%n",
            "persona",
            "done",
            "failed",
            "unexpected",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "DHCP p50 ms"));
    for (var e : rows.entrySet()) line(sb, e.getKey(), e.getValue());
    line(sb, "all", total);
    sb.append(
        String.format(
            "%d of %d provisioned in %.1f s: %.1f devices/s%n",
            total.done(), total.done() + total.failed(), wallMillis / 1000.0, devicesPerSecond()));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, Row r) {
    sb.append(
        String.format(
            "%-14s %7d %7d %10d %9d %9d %9d %9d %13d%n",
            name,
            r.done(),
            r.failed(),
            r.unexpected(),
            r.p50(),
            r.p95(),
            r.p99(),
            r.max(),
            r.leaseP50()));
  }
}
