package dev.stockroom.product;

import dev.stockroom.devkit.PostgresDatabase;
import dev.stockroom.devkit.SharedKafka;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(SharedKafka.class)
class PostgresProductFlowIT extends ProductFlowContract {
  @Order(1)
  @RegisterExtension
  static final PostgresDatabase DB = new PostgresDatabase();

  @Order(2)
  @RegisterExtension
  static final DropwizardAppExtension<ProductServiceConfiguration> APP =
      TestApps.app(DB::jdbcUrl, DB::user, DB::password);

  @Override
  DropwizardAppExtension<ProductServiceConfiguration> app() {
    return APP;
  }

  @Override
  Jdbi db() {
    return Jdbi.create(DB.jdbcUrl(), DB.user(), DB.password());
  }
}
