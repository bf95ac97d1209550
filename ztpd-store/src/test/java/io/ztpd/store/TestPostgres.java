package io.ztpd.store;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the store tests run against: {@code ZTPD_TEST_PG_URL}, else {@link #DEFAULT_URL}
 * (what {@code .ci/postgres.sh} creates). Unreachable: the test is skipped with the reason printed,
 * except under {@code CI=true}, where it fails.
 */
final class TestPostgres {
  static final String DEFAULT_URL = "postgresql://ztpd:ztpd@127.0.0.1:5432/ztpd_test";

  private static String unreachable; // cached reason, so each test does not wait again

  private TestPostgres() {}

  static String baseUrl() {
    String env = System.getenv("ZTPD_TEST_PG_URL");
    return env != null && !env.isBlank() ? env.strip() : DEFAULT_URL;
  }

  /** Skips (or fails on CI) when PostgreSQL cannot be reached. */
  static synchronized void assumeReachable() {
    if (unreachable == null) {
      try (Connection c = connect()) {
        unreachable = "";
      } catch (SQLException | RuntimeException e) {
        unreachable =
            "PostgreSQL at "
                + StoreUrl.redact(baseUrl())
                + " is unreachable ("
                + e.getMessage()
                + "); run `bash .ci/postgres.sh` and export ZTPD_TEST_PG_URL";
      }
    }
    if (unreachable.isEmpty()) return;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true requires PostgreSQL for the store tests: " + unreachable);
    }
    System.out.println("SKIPPED PostgreSQL store tests: " + unreachable);
    Assumptions.assumeTrue(false, unreachable);
  }

  /** A new empty schema; returns its name. */
  static String createSchema() {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute("CREATE SCHEMA " + schema);
    return schema.toLowerCase(Locale.ROOT);
  }

  static void dropSchema(String schema) {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /** The store URL whose connections use {@code schema}. */
  static String urlFor(String schema) {
    String base = baseUrl();
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static void execute(String sql) {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect() throws SQLException {
    StoreUrl u = StoreUrl.parse(baseUrl());
    DriverManager.setLoginTimeout(5);
    return DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
  }
}
