package io.ztpd.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class WalCheckpointerTest {
  @TempDir Path dir;

  private SQLiteDataSource source(Path db) {
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + db);
    return ds;
  }

  @Test
  void copiesTheWalIntoTheDatabaseFileWhileTheWriterNeverCheckpoints() throws Exception {
    Path db = dir.resolve("t.db");
    try (Connection writer = source(db).getConnection();
        Statement s = writer.createStatement()) {
      s.execute("PRAGMA journal_mode = WAL");
      s.execute("PRAGMA wal_autocheckpoint = 0"); // only the checkpointer may move pages
      s.execute("CREATE TABLE t (v TEXT)");
      writer.setAutoCommit(false);
      try (PreparedStatement p = writer.prepareStatement("INSERT INTO t VALUES (?)")) {
        for (int i = 0; i < 1_000; i++) {
          p.setString(1, ("row " + i).repeat(100));
          p.executeUpdate();
        }
      }
      writer.commit();
      long before = Files.size(db);
      assertThat(Files.size(dir.resolve("t.db-wal"))).isGreaterThan(500_000);

      try (WalCheckpointer c = new WalCheckpointer(source(db), Duration.ofMillis(20)).start()) {
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> Files.size(db) > before + 500_000);
        assertThat(c.checkpoints()).isPositive();
      }
      // the writer goes on while the checkpointer is stopped
      writer.setAutoCommit(true);
      s.execute("INSERT INTO t VALUES ('after')");
    }
  }
}
