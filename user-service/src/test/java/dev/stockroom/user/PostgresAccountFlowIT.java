package dev.stockroom.user;

import dev.stockroom.devkit.PostgresDatabase;
import dev.stockroom.devkit.SharedKafka;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(SharedKafka.class)
class PostgresAccountFlowIT extends AccountFlowContract {
  @Order(1)
  @RegisterExtension
  static final PostgresDatabase DB = new PostgresDatabase();

  @Order(2)
  @RegisterExtension
  static final DropwizardAppExtension<UserServiceConfiguration> APP =
      TestApps.app(DB::jdbcUrl, DB::user, DB::password, TestApps.Dirs.create());

  @Override
  DropwizardAppExtension<UserServiceConfiguration> app() {
    return APP;
  }
}
