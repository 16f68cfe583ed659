package dev.stockroom.orderstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.ShippedConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The YAML files under {@code config/} load the way the application loads them (the same factory,
 * so unknown keys fail as they do at startup). Dropwizard refuses unknown keys at startup, so a
 * setting removed from the code but left in a file would otherwise show up only when someone starts
 * that environment.
 */
class ShippedConfigTest {
  /** The variables production requires without a default, set the way a deployment sets them. */
  private static final Map<String, String> REQUIRED_ENVIRONMENT =
      Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092",
          "STREAMS_APPLICATION_SERVER", "order-stream-0:8084",
          "STREAMS_STATE_DIR", "/var/lib/order-stream-processor",
          "JWKS_URL", "http://user-service:8081/.well-known/jwks.json");

  @ParameterizedTest(name = "{0}")
  @FieldSource("dev.stockroom.devkit.ShippedConfig#ENVIRONMENTS")
  void loadsAndValidates(String environment) throws Exception {
    OrderStreamProcessorConfiguration config =
        ShippedConfig.load(
            OrderStreamProcessorConfiguration.class,
            environment,
            "order-stream-processor",
            REQUIRED_ENVIRONMENT);

    assertThat(config.getStreams().topologyConfig().reservationTtl()).isPositive();
    assertThat(config.getStreams().topologyConfig().terminalOrderRetention())
        .as("longer than orders.v1 keeps a record, so no redelivery outlives its order")
        .isGreaterThan(Duration.ofDays(7));
    // Jetty's header cache would cost 12 KB of heap on every open connection (see ApiFactory).
    assertThat(config.getApi().isConnectionHeaderCache()).isFalse();
  }
}
