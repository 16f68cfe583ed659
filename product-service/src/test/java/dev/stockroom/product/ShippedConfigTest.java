package dev.stockroom.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.ShippedConfig;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every file under {@code config/} for product-service loads as the application loads it. */
class ShippedConfigTest {
  /** The variables production requires without a default, set the way a deployment sets them. */
  private static final Map<String, String> REQUIRED_ENVIRONMENT =
      Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092",
          "JWKS_URL", "http://user-service:8081/.well-known/jwks.json",
          "PRODUCT_DB_URL", "jdbc:postgresql://db:5432/products",
          "PRODUCT_DB_USER", "products",
          "PRODUCT_DB_PASSWORD", "secret");

  @ParameterizedTest(name = "{0}")
  @FieldSource("dev.stockroom.devkit.ShippedConfig#ENVIRONMENTS")
  void loadsAndValidates(String environment) throws Exception {
    ProductServiceConfiguration config =
        ShippedConfig.load(
            ProductServiceConfiguration.class,
            environment,
            "product-service",
            REQUIRED_ENVIRONMENT);

    if (environment.equals("production")) {
      assertThat(config.getDatabase().getUrl())
          .isEqualTo(REQUIRED_ENVIRONMENT.get("PRODUCT_DB_URL"));
    }
    // Jetty's header cache would cost 12 KB of heap on every open connection (see ApiFactory).
    assertThat(config.getApi().isConnectionHeaderCache()).isFalse();
  }
}
