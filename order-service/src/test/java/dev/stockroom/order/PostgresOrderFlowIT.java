package dev.stockroom.order;

import dev.stockroom.devkit.PostgresDatabase;
import dev.stockroom.devkit.SharedKafka;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(SharedKafka.class)
class PostgresOrderFlowIT extends OrderFlowContract {
  @Order(1)
  @RegisterExtension
  static final PostgresDatabase DB = new PostgresDatabase();

  @Order(2)
  @RegisterExtension
  static final DropwizardAppExtension<OrderServiceConfiguration> APP =
      TestApps.app(DB::jdbcUrl, DB::user, DB::password);

  @Override
  DropwizardAppExtension<OrderServiceConfiguration> app() {
    return APP;
  }

  @Override
  Jdbi db() {
    return Jdbi.create(DB.jdbcUrl(), DB.user(), DB.password());
  }
}
