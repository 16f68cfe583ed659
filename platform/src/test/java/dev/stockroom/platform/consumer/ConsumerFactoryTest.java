package dev.stockroom.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.platform.kafka.KafkaFactory;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsumerFactoryTest {
  /** As a service declares one: its own defaults, which YAML may override. */
  public static class WorkerFactory extends OptionalConsumerFactory {
    public WorkerFactory() {
      super("worker-group", Duration.minutes(5));
    }
  }

  static WorkerFactory parse(String yaml) throws Exception {
    return new YamlConfigurationFactory<>(
            WorkerFactory.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "c.yml");
  }

  @Test
  void keepsTheServicesDefaultsWhereYamlIsSilent() throws Exception {
    WorkerFactory worker = parse("{}");

    assertThat(worker.isEnabled()).isTrue();
    assertThat(worker.getGroupId()).isEqualTo("worker-group");
    assertThat(worker.getMinBackoff()).isEqualTo(Duration.milliseconds(200));
    assertThat(worker.getMaxBackoff()).isEqualTo(Duration.seconds(30));
    assertThat(worker.getUnhealthyAfter()).isEqualTo(Duration.minutes(5));
  }

  @Test
  void readsEveryKeyFromYaml() throws Exception {
    WorkerFactory worker =
        parse(
            """
            enabled: false
            groupId: other-group
            minBackoff: 1 second
            maxBackoff: 1 minute
            unhealthyAfter: 10 minutes
            """);

    assertThat(worker.isEnabled()).isFalse();
    assertThat(worker.getGroupId()).isEqualTo("other-group");
    assertThat(worker.getMinBackoff()).isEqualTo(Duration.seconds(1));
    assertThat(worker.getMaxBackoff()).isEqualTo(Duration.minutes(1));
    assertThat(worker.getUnhealthyAfter()).isEqualTo(Duration.minutes(10));
  }

  @Test
  void refusesABackoffThatCannotGrowOrIsZero() {
    for (String yaml :
        new String[] {
          "{minBackoff: 1 minute, maxBackoff: 30 seconds}", "{minBackoff: 0 seconds}"
        }) {
      assertThatThrownBy(() -> parse(yaml))
          .as(yaml)
          .isInstanceOf(ConfigurationValidationException.class)
          .hasMessageContaining("minBackoff must be more than 0 and at most maxBackoff");
    }
    assertThatThrownBy(() -> parse("{groupId: ''}"))
        .isInstanceOf(ConfigurationValidationException.class)
        .hasMessageContaining("groupId");
  }

  @Test
  void buildRegistersAManagedLoopAndItsHealthCheckUnderTheGroupId() throws Exception {
    Environment environment = new Environment("test");
    int managedBefore = environment.lifecycle().getManagedObjects().size();

    KafkaConsumerLoop loop =
        parse("groupId: stock-view")
            .build(environment, new KafkaFactory(), "stock.v1", record -> {});

    assertThat(loop).isNotNull();
    assertThat(environment.lifecycle().getManagedObjects()).hasSize(managedBefore + 1);
    assertThat(environment.healthChecks().getNames()).contains("kafka-consumer-stock-view");
  }
}
