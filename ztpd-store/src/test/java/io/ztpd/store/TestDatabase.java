package io.ztpd.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The databases every contract test runs against. */
enum TestDatabase {
  SQLITE {
    @Override
    StoreFixture create() {
      Path dir;
      try {
        dir = Files.createTempDirectory("ztpd-store-test");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // a directory that does not exist yet: the store creates it
      String url = "sqlite:" + dir.resolve("data/ztpd.db");
      return fixture(url, () -> deleteTree(dir));
    }
  },
  POSTGRESQL {
    @Override
    StoreFixture create() {
      TestPostgres.assumeReachable();
      String schema = TestPostgres.createSchema();
      String url = TestPostgres.urlFor(schema);
      return fixture(url, () -> TestPostgres.dropSchema(schema));
    }
  };

  /** A fresh empty database (skips the test when PostgreSQL is unreachable outside CI). */
  abstract StoreFixture create();

  private static StoreFixture fixture(String url, Runnable cleanup) {
    return new StoreFixture() {
      @Override
      public String url() {
        return url;
      }

      @Override
      public void close() {
        cleanup.run();
      }
    };
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
