package dev.stockroom.devkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class SharedKafkaIT {

  @Test
  void createsTopicsWithTheRequestedPartitionsAndToleratesCreatingThemAgain() throws Exception {
    SharedKafka.createTopic("shared-created", 4);
    SharedKafka.createTopic("shared-created", 4);

    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
      var description =
          admin
              .describeTopics(Set.of("shared-created"))
              .allTopicNames()
              .get()
              .get("shared-created");
      assertThat(description.partitions()).hasSize(4);
      assertThat(description.partitions().get(0).replicas()).hasSize(1);
    }
  }

  @Test
  void consumeReadsPlainRecordsFromEveryPartitionFromTheBeginning() throws Exception {
    SharedKafka.createTopic("shared-plain", 3);
    try (KafkaProducer<String, String> producer = producer(Map.of())) {
      for (int i = 0; i < 9; i++) {
        producer.send(new ProducerRecord<>("shared-plain", "key-" + i, "value-" + i)).get();
      }
    }

    List<ConsumerRecord<String, String>> records =
        SharedKafka.consume("shared-plain", 9, Duration.ofSeconds(30));

    assertThat(records)
        .extracting(ConsumerRecord::value)
        .containsExactlyInAnyOrder(
            "value-0", "value-1", "value-2", "value-3", "value-4", "value-5", "value-6", "value-7",
            "value-8");
    assertThat(records).extracting(ConsumerRecord::partition).contains(0, 1, 2);
  }

  @Test
  void consumeUntilStopsAsSoonAsTheConditionHoldsAndReturnsWhatItHasAtTheDeadline()
      throws Exception {
    SharedKafka.createTopic("shared-until", 1);
    try (KafkaProducer<String, String> producer = producer(Map.of())) {
      for (String value : List.of("a", "b", "stop", "c")) {
        producer.send(new ProducerRecord<>("shared-until", "k", value)).get();
      }
    }

    // One partition and records written before the read: the first poll may return them all,
    // so "as soon as" means the condition was met with what was read, not record by record.
    List<ConsumerRecord<String, String>> untilStop =
        SharedKafka.consumeUntil(
            "shared-until",
            records -> records.stream().anyMatch(r -> r.value().equals("stop")),
            Duration.ofSeconds(30));
    long started = System.nanoTime();
    List<ConsumerRecord<String, String>> never =
        SharedKafka.consumeUntil("shared-until", records -> false, Duration.ofSeconds(2));

    assertThat(untilStop).extracting(ConsumerRecord::value).startsWith("a", "b", "stop");
    assertThat(never).extracting(ConsumerRecord::value).containsExactly("a", "b", "stop", "c");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
  }

  @Test
  void readCommittedConsumerSeesCommittedTransactionsOnlyAndNeverAbortedOnes() {
    SharedKafka.createTopic("shared-transactions", 1);
    try (KafkaProducer<String, String> producer =
        producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "shared-kafka-it"))) {
      producer.initTransactions();

      producer.beginTransaction();
      producer.send(new ProducerRecord<>("shared-transactions", "order-1", "committed-1"));
      producer.send(new ProducerRecord<>("shared-transactions", "order-1", "committed-2"));
      producer.commitTransaction();

      producer.beginTransaction();
      producer.send(new ProducerRecord<>("shared-transactions", "order-1", "aborted"));
      producer.flush();
      producer.abortTransaction();

      producer.beginTransaction();
      producer.send(new ProducerRecord<>("shared-transactions", "order-1", "committed-3"));
      producer.commitTransaction();
    }

    // committed-3 lies after the aborted record, so reading it means the reader passed it by.
    List<ConsumerRecord<String, String>> records =
        SharedKafka.consume("shared-transactions", 3, Duration.ofSeconds(30));

    assertThat(records)
        .extracting(ConsumerRecord::value)
        .containsExactly("committed-1", "committed-2", "committed-3");
  }

  @Test
  void consumeOfATopicThatNeverAppearsReturnsNothingAtTheDeadlineAndDoesNotCreateIt()
      throws Exception {
    long started = System.nanoTime();

    List<ConsumerRecord<String, String>> records =
        SharedKafka.consume("shared-never-created", 1, Duration.ofSeconds(1));

    assertThat(records).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
      assertThat(admin.listTopics().names().get()).doesNotContain("shared-never-created");
    }
  }

  @Test
  void everyCallSharesTheOneBroker() {
    assertThat(SharedKafka.broker().bootstrapServers()).isEqualTo(SharedKafka.bootstrapServers());
    assertThat(SharedKafka.broker().isRunning()).isTrue();
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
    Map<String, Object> config =
        new HashMap<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true));
    config.putAll(extra);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }
}
