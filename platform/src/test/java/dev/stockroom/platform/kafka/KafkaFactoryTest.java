package dev.stockroom.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaFactoryTest {
  static KafkaFactory parse(String yaml) throws Exception {
    return new YamlConfigurationFactory<>(
            KafkaFactory.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(
            path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "kafka.yml");
  }

  @Test
  void readsEveryKeyFromYaml() throws Exception {
    KafkaFactory kafka =
        parse(
            """
            bootstrapServers: broker-1:9093,broker-2:9093
            clientId: user-service
            properties:
              security.protocol: SASL_SSL
              sasl.mechanism: SCRAM-SHA-512
            producer:
              linger.ms: "20"
            consumer:
              max.poll.records: "100"
            healthCheckTimeout: 2 seconds
            createTopicsOnStart: false
            topics:
              - name: products.v1
                partitions: 6
                replicationFactor: 3
                cleanupPolicy: compact
                configs:
                  min.insync.replicas: "2"
            """);
    assertThat(kafka.getBootstrapServers()).isEqualTo("broker-1:9093,broker-2:9093");
    assertThat(kafka.getHealthCheckTimeout()).isEqualTo(Duration.seconds(2));
    assertThat(kafka.isCreateTopicsOnStart()).isFalse();
    TopicSpec topic = kafka.getTopics().get(0);
    assertThat(topic.toNewTopic().numPartitions()).isEqualTo(6);
    assertThat(topic.toNewTopic().replicationFactor()).isEqualTo((short) 3);
    assertThat(topic.toNewTopic().configs())
        .containsEntry("cleanup.policy", "compact")
        .containsEntry("min.insync.replicas", "2");

    Map<String, Object> producer = kafka.producerConfig("relay");
    assertThat(producer)
        .containsEntry("bootstrap.servers", "broker-1:9093,broker-2:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("linger.ms", "20");
    assertThat((String) producer.get("client.id")).startsWith("user-service-relay-");
    assertThat(kafka.consumerConfig("mailer"))
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("max.poll.records", "100")
        .containsEntry("group.id", "mailer");
  }

  @Test
  void configurationCannotWeakenTheProducerOrConsumerGuarantees() {
    KafkaFactory kafka = new KafkaFactory();
    kafka.getProperties().put("acks", "1");
    kafka.getProducer().put("enable.idempotence", "false");
    kafka.getConsumer().put("enable.auto.commit", "true");
    kafka.getConsumer().put("isolation.level", "read_uncommitted");

    assertThat(kafka.producerConfig("p"))
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", true)
        .containsEntry("max.in.flight.requests.per.connection", 5);
    assertThat(kafka.consumerConfig("g"))
        .containsEntry("enable.auto.commit", false)
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("auto.offset.reset", "earliest");
  }

  @Test
  void refusesMoreInFlightRequestsThanKeepOrder() {
    KafkaFactory kafka = new KafkaFactory();
    kafka.getProducer().put("max.in.flight.requests.per.connection", "10");
    assertThatThrownBy(() -> kafka.producerConfig("p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("per-key order");
  }

  @Test
  void rejectsAnUnknownCleanupPolicy() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    topics:
                      - name: users.v1
                        cleanupPolicy: compacted
                    """))
        .isInstanceOf(ConfigurationValidationException.class)
        .hasMessageContaining("cleanupPolicy");
  }

  @Test
  void defaultsSuitTheLocalBroker() {
    KafkaFactory kafka = new KafkaFactory();
    assertThat(kafka.getBootstrapServers()).isEqualTo("localhost:9092");
    assertThat(kafka.getHealthCheckTimeout()).isEqualTo(Duration.seconds(5));
    assertThat(kafka.isCreateTopicsOnStart()).isTrue();
    TopicSpec topic = new TopicSpec();
    assertThat(topic.getPartitions()).isEqualTo(1);
    assertThat(topic.getReplicationFactor()).isEqualTo(1);
    assertThat(topic.getCleanupPolicy()).isEqualTo("delete");
  }
}
