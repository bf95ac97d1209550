package io.ztpd.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file on its own thread, so that the
 * timeline's commits never do it.
 *
 * <p>By default SQLite checkpoints inside the commit that grows the WAL past 1,000 pages: that
 * commit copies the pages and fsyncs the database file while every fetch waiting for its event
 * waits with it (measured: 8 such checkpoints a second during {@code bench/http.sh}, the source of
 * its p99). Here the writer's automatic checkpoint is only a safety net ({@link
 * #WRITER_AUTOCHECKPOINT_PAGES}), and a PASSIVE checkpoint runs every {@code every} on a connection
 * of its own: it never waits for the writer or for readers and copies each page once however many
 * commits changed it in between.
 */
final class WalCheckpointer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

  /** The writer still checkpoints by itself past this many WAL pages (about 40 MiB). */
  static final int WRITER_AUTOCHECKPOINT_PAGES = 10_000;

  private final DataSource source;
  private final long everyNanos;
  private final Thread thread;
  private final AtomicLong checkpoints = new AtomicLong();
  private volatile boolean closing;

  WalCheckpointer(DataSource source, Duration every) {
    this.source = source;
    this.everyNanos = every.toNanos();
    this.thread = Thread.ofPlatform().daemon().name("ztpd-sqlite-checkpoint").unstarted(this::run);
  }

  WalCheckpointer start() {
    thread.start();
    return this;
  }

  /** How many checkpoints ran (tests). */
  long checkpoints() {
    return checkpoints.get();
  }

  private void run() {
    Connection c = null;
    while (!closing) {
      LockSupport.parkNanos(this, everyNanos);
      if (closing) break;
      try {
        if (c == null) c = source.getConnection();
        checkpoint(c);
      } catch (SQLException | RuntimeException e) {
        // the writer's own automatic checkpoint still bounds the WAL; try again next round
        log.warn(
            "WAL checkpoint failed (the writer checkpoints by itself meanwhile): {}", e.toString());
        closeQuietly(c);
        c = null;
      }
    }
    closeQuietly(c);
  }

  private void checkpoint(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      if (r.next() && r.getInt(2) > 0) checkpoints.incrementAndGet();
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("closing the checkpoint connection: {}", e.toString());
    }
  }

  @Override
  public void close() {
    closing = true;
    LockSupport.unpark(thread);
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
