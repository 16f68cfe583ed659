package dev.stockroom.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.H2Database;
import dev.stockroom.platform.db.TestJdbi;
import dev.stockroom.platform.kafka.KafkaFactory;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OutboxFactoryTest {
  @RegisterExtension static final H2Database H2 = new H2Database();

  static OutboxFactory parse(String yaml) throws Exception {
    return new YamlConfigurationFactory<>(
            OutboxFactory.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "o.yml");
  }

  @Test
  void readsEveryKeyFromYaml() throws Exception {
    OutboxFactory outbox =
        parse(
            """
            batchSize: 250
            pollInterval: 2 seconds
            maxBackoff: 1 minute
            unhealthyAfter: 5 minutes
            lockRetryInterval: 3 seconds
            retention: 3 days
            retentionBatchSize: 1000
            retentionInterval: 30 minutes
            """);
    assertThat(outbox.relaySettings())
        .isEqualTo(
            new OutboxRelay.Settings(
                250,
                Duration.ofSeconds(2),
                Duration.ofMinutes(1),
                Duration.ofSeconds(3),
                Duration.ofDays(3),
                1000,
                Duration.ofMinutes(30)));
    assertThat(outbox.getUnhealthyAfter().toJavaDuration()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void hasDefaultsForEveryKey() throws Exception {
    OutboxFactory outbox = parse("{}");
    assertThat(outbox.relaySettings())
        .isEqualTo(
            new OutboxRelay.Settings(
                100,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofDays(7),
                500,
                Duration.ofMinutes(15)));
    assertThat(outbox.getUnhealthyAfter().toJavaDuration()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void buildRegistersTheRelayHealthCheckAndMetrics() throws Exception {
    try (TestJdbi db = TestJdbi.migrated(H2.jdbcUrl(), H2.user(), H2.password())) {
      Environment environment = new Environment("test");
      int managedBefore = environment.lifecycle().getManagedObjects().size();
      Outbox outbox = new OutboxFactory().build(environment, db.jdbi(), new KafkaFactory());

      assertThat(outbox).isNotNull();
      assertThat(environment.lifecycle().getManagedObjects()).hasSize(managedBefore + 1);
      assertThat(environment.healthChecks().runHealthCheck("outbox").isHealthy()).isTrue();
      assertThat(environment.metrics().getGauges())
          .containsKeys("outbox.backlog", "outbox.oldest-unpublished-age", "outbox.active");
      assertThat(environment.metrics().getGauges().get("outbox.backlog").getValue()).isEqualTo(0L);
      assertThat(environment.metrics().getMeters())
          .containsKeys("outbox.published", "outbox.send-failures");
    }
  }
}
