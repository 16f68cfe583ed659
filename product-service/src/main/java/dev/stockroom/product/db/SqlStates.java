package dev.stockroom.product.db;

import java.sql.SQLException;

/** SQLSTATE checks that are the same in PostgreSQL and H2. */
final class SqlStates {
  private static final String UNIQUE_VIOLATION = "23505";

  private SqlStates() {}

  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
