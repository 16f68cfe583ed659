package dev.stockroom.platform.consumer;

import dev.stockroom.devkit.PostgresDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresProcessedEventsTest extends ProcessedEventsContract {
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
