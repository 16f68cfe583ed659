package dev.stockroom.order.db;

import dev.stockroom.devkit.PostgresDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresOrderStoreTest extends OrderStoreContract {
  @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

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
