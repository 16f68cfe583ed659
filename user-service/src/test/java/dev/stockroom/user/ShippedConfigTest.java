package dev.stockroom.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.ShippedConfig;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every file under {@code config/} for user-service loads as the application loads it. */
class ShippedConfigTest {
  /** The variables production requires without a default, set the way a deployment sets them. */
  private static final Map<String, String> REQUIRED_ENVIRONMENT =
      Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092",
          "SMTP_HOST", "smtp.example.com",
          "USER_DB_URL", "jdbc:postgresql://db:5432/users",
          "USER_DB_USER", "users",
          "USER_DB_PASSWORD", "secret",
          "USER_JWT_KEY_FILE", "/run/secrets/jwt.pem");

  @ParameterizedTest(name = "{0}")
  @FieldSource("dev.stockroom.devkit.ShippedConfig#ENVIRONMENTS")
  void loadsAndValidates(String environment) throws Exception {
    UserServiceConfiguration config =
        ShippedConfig.load(
            UserServiceConfiguration.class, environment, "user-service", REQUIRED_ENVIRONMENT);

    if (environment.equals("production")) {
      assertThat(config.getDatabase().getUrl()).isEqualTo(REQUIRED_ENVIRONMENT.get("USER_DB_URL"));
    }
    // Jetty's header cache would cost 12 KB of heap on every open connection (see ApiFactory).
    assertThat(config.getApi().isConnectionHeaderCache()).isFalse();
  }
}
