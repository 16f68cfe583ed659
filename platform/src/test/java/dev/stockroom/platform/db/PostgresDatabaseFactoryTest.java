package dev.stockroom.platform.db;

import dev.stockroom.devkit.PostgresDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresDatabaseFactoryTest extends DatabaseFactoryContract {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  String url() {
    return PG.jdbcUrl();
  }

  @Override
  String user() {
    return PG.user();
  }

  @Override
  String password() {
    return PG.password();
  }
}
