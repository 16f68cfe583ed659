package dev.stockroom.user.db;

import dev.stockroom.devkit.PostgresDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresUserStoreTest extends UserStoreContract {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  private static Jdbi jdbi;

  @BeforeAll
  static void migrate() {
    jdbi = TestSchema.migrate(PG.jdbcUrl(), PG.user(), PG.password());
  }

  @Override
  Jdbi jdbi() {
    return jdbi;
  }
}
