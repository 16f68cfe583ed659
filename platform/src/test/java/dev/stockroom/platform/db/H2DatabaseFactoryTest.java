package dev.stockroom.platform.db;

import dev.stockroom.devkit.H2Database;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2DatabaseFactoryTest extends DatabaseFactoryContract {
  @RegisterExtension static final H2Database H2 = new H2Database();

  @Override
  String url() {
    return H2.jdbcUrl();
  }

  @Override
  String user() {
    return H2.user();
  }

  @Override
  String password() {
    return H2.password();
  }
}
