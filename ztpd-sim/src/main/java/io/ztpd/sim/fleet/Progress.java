package io.ztpd.sim.fleet;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live progress: a bar redrawn in place on a terminal, plain periodic lines otherwise (logs, CI).
 */
public final class Progress implements Simulator.Listener, AutoCloseable {
  private final PrintStream out;
  private final boolean tty;
  private final int total;
  private final long start = System.nanoTime();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final Thread ticker;
  private volatile boolean running = true;

  public Progress(PrintStream out, boolean tty, int total, long everyMillis) {
    this.out = out;
    this.tty = tty;
    this.total = total;
    this.ticker =
        Thread.ofVirtual()
            .name("sim-progress")
            .start(
                () -> {
                  while (running) {
                    try {
                      Thread.sleep(tty ? Math.min(everyMillis, 250) : everyMillis);
                    } catch (InterruptedException e) {
                      return;
                    }
                    if (running) print(false);
                  }
                });
  }

  @Override
  public void started(FleetDevice device) {
    started.incrementAndGet();
  }

  @Override
  public void finished(Outcome o) {
    (o.done() ? done : failed).incrementAndGet();
  }

  private synchronized void print(boolean last) {
    double secs = (System.nanoTime() - start) / 1e9;
    int d = done.get();
    int f = failed.get();
    int s = started.get();
    String counts =
        String.format(
            "%6.1fs  powered on %d/%d  provisioned %d  failed %d  in flight %d  %.0f/s",
            secs, s, total, d, f, s - d - f, secs > 0 ? d / secs : 0);
    if (tty) {
      int width = 30;
      int filled = total == 0 ? width : (int) ((long) (d + f) * width / total);
      out.print(
          "\r["
              + "#".repeat(filled)
              + " ".repeat(width - filled)
              + "] "
              + counts
              + (last ? "\n" : ""));
    } else {
      out.println(counts);
    }
    out.flush();
  }

  @Override
  public void close() {
    running = false;
    ticker.interrupt();
    print(true);
  }
}
