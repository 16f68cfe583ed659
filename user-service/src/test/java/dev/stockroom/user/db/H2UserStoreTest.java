package dev.stockroom.user.db;

import dev.stockroom.devkit.H2Database;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2UserStoreTest extends UserStoreContract {
  @RegisterExtension static final H2Database H2 = new H2Database();

  private static Jdbi jdbi;

  @BeforeAll
  static void migrate() {
    jdbi = TestSchema.migrate(H2.jdbcUrl(), H2.user(), H2.password());
  }

  @Override
  Jdbi jdbi() {
    return jdbi;
  }
}
