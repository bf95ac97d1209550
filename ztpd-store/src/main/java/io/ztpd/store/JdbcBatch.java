package io.ztpd.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * One prepared statement, one JDBC batch, bound by position: the write-behind paths (device states,
 * pending devices) store hundreds to thousands of rows at a time, where preparing and binding by
 * name per row cost more than the insert.
 */
final class JdbcBatch {
  /** Binds one item's parameters. */
  interface Binder<T> {
    void bind(PreparedStatement ps, T item) throws SQLException;
  }

  private JdbcBatch() {}

  static <T> int[] run(Handle h, String sql, Collection<T> items, Binder<T> binder, String what) {
    try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
      for (T item : items) {
        binder.bind(ps, item);
        ps.addBatch();
      }
      return ps.executeBatch();
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException("storing " + items.size() + " " + what, e, null);
    }
  }
}
