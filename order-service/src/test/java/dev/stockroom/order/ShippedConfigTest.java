package dev.stockroom.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.ShippedConfig;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every file under {@code config/} for order-service loads as the application loads it. */
class ShippedConfigTest {
  /** The variables production requires without a default, set the way a deployment sets them. */
  private static final Map<String, String> REQUIRED_ENVIRONMENT =
      Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092",
          "JWKS_URL", "http://user-service:8081/.well-known/jwks.json",
          "ORDER_DB_URL", "jdbc:postgresql://db:5432/orders",
          "ORDER_DB_USER", "orders",
          "ORDER_DB_PASSWORD", "secret");

  @ParameterizedTest(name = "{0}")
  @FieldSource("dev.stockroom.devkit.ShippedConfig#ENVIRONMENTS")
  void loadsAndValidates(String environment) throws Exception {
    OrderServiceConfiguration config =
        ShippedConfig.load(
            OrderServiceConfiguration.class, environment, "order-service", REQUIRED_ENVIRONMENT);

    if (environment.equals("production")) {
      assertThat(config.getDatabase().getUrl()).isEqualTo(REQUIRED_ENVIRONMENT.get("ORDER_DB_URL"));
    }
    // Jetty's header cache would cost 12 KB of heap on every open connection (see ApiFactory).
    assertThat(config.getApi().isConnectionHeaderCache()).isFalse();
    // Off unless an operator turns it on (ops/bench/FINDINGS.md, End to end: it did not help here).
    assertThat(config.getApi().getWriteLimit().getMaxConcurrent()).isZero();
    // Local and production shed new orders once the pipeline is this far behind; the benchmark's
    // saturated write step would measure that limit instead of the write path, so it has none.
    assertThat(config.getOrders().getMaxPendingOrders())
        .isEqualTo(environment.equals("bench") ? 0 : 1_000);
  }
}
