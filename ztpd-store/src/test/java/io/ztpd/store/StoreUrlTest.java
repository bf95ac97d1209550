package io.ztpd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztpd.core.store.Store;
import io.ztpd.core.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreUrlTest {

  @Test
  void parsesPostgresUrlsIntoJdbcWithoutCredentials() {
    StoreUrl u = StoreUrl.parse("postgresql://ztpd:s%40cret@db.example:5433/ztpd?sslmode=require");
    assertThat(u.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/ztpd?sslmode=require");
    assertThat(u.user()).isEqualTo("ztpd");
    assertThat(u.password()).isEqualTo("s@cret");
    assertThat(u.redacted()).isEqualTo("postgresql://ztpd@db.example:5433/ztpd?sslmode=require");

    StoreUrl jdbc = StoreUrl.parse("jdbc:postgresql://h/db?user=u&password=p&ssl=true");
    assertThat(jdbc.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?ssl=true");
    assertThat(jdbc.user()).isEqualTo("u");
    assertThat(jdbc.password()).isEqualTo("p");
    assertThat(jdbc.redacted()).doesNotContain("p&").isEqualTo("postgresql://u@h/db?ssl=true");

    assertThat(StoreUrl.parse("postgres://h/db").dialect()).isEqualTo(Dialect.POSTGRESQL);
  }

  @Test
  void parsesSqlitePathsAndTheSynchronousOption() {
    StoreUrl u = StoreUrl.parse("sqlite:./data/ztpd.db");
    assertThat(u.dialect()).isEqualTo(Dialect.SQLITE);
    assertThat(u.sqliteFile()).isEqualTo(Path.of("data/ztpd.db").toAbsolutePath());
    assertThat(u.sqliteSynchronous()).isEqualTo("NORMAL");
    assertThat(StoreUrl.parse("jdbc:sqlite:/tmp/x.db?synchronous=FULL").sqliteSynchronous())
        .isEqualTo("FULL");
  }

  @Test
  void rejectsMalformedUrlsWithTheUrlAndWhatIsExpected() {
    assertThatThrownBy(() -> StoreUrl.parse("mysql://root:hunter2@h/db"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("unsupported store URL 'mysql://root:***@h/db'")
        .hasMessageContaining("sqlite:<path> or postgresql://")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> StoreUrl.parse("  ")).hasMessageContaining("store URL is empty");
    assertThatThrownBy(() -> StoreUrl.parse("sqlite::memory:"))
        .hasMessageContaining("give a file path");
    assertThatThrownBy(() -> StoreUrl.parse("sqlite:/tmp/x.db?synchronous=off"))
        .hasMessageContaining("synchronous must be normal or full");
    assertThatThrownBy(() -> StoreUrl.parse("sqlite:/tmp/x.db?cache=shared"))
        .hasMessageContaining("unknown option 'cache'");
    assertThatThrownBy(() -> StoreUrl.parse("postgresql://u:pw@host"))
        .hasMessageContaining("postgresql://u:***@host")
        .hasMessageContaining("expected postgresql://user:password@host:port/database");
  }

  @Test
  void redactsPasswordsInEverySpelling() {
    assertThat(StoreUrl.redact("postgresql://u:pw@h:1/db")).isEqualTo("postgresql://u:***@h:1/db");
    assertThat(StoreUrl.redact("jdbc:postgresql://h/db?user=u&password=pw&x=1"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&x=1");
  }

  @Test
  void anUnreachableDatabaseFailsFastNamingTheUrlButNotThePassword() {
    // port 1 on loopback: nothing listens, the connection is refused at once
    StoreOptions quick = new StoreOptions(1, 1, Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThatThrownBy(() -> Stores.open("postgresql://ztpd:topsecret@127.0.0.1:1/ztpd", quick))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot open store postgresql://ztpd@127.0.0.1:1/ztpd: ")
        .hasMessageContaining("refused")
        .hasMessageNotContaining("topsecret");
  }

  @Test
  void anUnusableSqlitePathNamesTheStore(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> Stores.open("sqlite:" + file.resolve("ztpd.db")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot open store sqlite:" + file.resolve("ztpd.db"))
        .hasMessageContaining("cannot create directory");

    Path garbage =
        Files.writeString(dir.resolve("garbage.db"), "this is not a database ".repeat(100));
    assertThatThrownBy(() -> Stores.open("sqlite:" + garbage))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot open store sqlite:" + garbage)
        .hasMessageContaining("not a database");
  }

  @Test
  void sqliteCreatesDirectoryAndFileOnFirstStartInWalMode(@TempDir Path dir) {
    Path db = dir.resolve("a/b/ztpd.db");
    try (Store s = Stores.open("sqlite:" + db)) {
      assertThat(db).exists();
      assertThat(s.describe()).isEqualTo("sqlite:" + db);
      s.devices().count();
      assertThat(dir.resolve("a/b/ztpd.db-wal")).exists();
    }
  }
}
