package dev.stockroom.order.db;

import dev.stockroom.devkit.H2Database;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2OrderStoreTest extends OrderStoreContract {
  @RegisterExtension static final H2Database DB = new H2Database();

  private static Jdbi jdbi;

  @BeforeAll
  static void migrate() {
    jdbi = TestSchema.migrate(DB.jdbcUrl(), DB.user(), DB.password());
  }

  @Override
  Jdbi jdbi() {
    return jdbi;
  }
}
