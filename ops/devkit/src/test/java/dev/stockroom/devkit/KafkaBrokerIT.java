package dev.stockroom.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker of its own (not the shared one), since these tests take it down. */
class KafkaBrokerIT {

  @TempDir static Path dataDir;
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start(dataDir, 0);
  }

  @AfterAll
  static void closeBroker() {
    broker.close();
  }

  @Test
  void listensOnLoopbackAndKeepsItsAddressAcrossRestarts() {
    String address = broker.bootstrapServers();
    assertThat(address).matches("127\\.0\\.0\\.1:\\d+").endsWith(":" + broker.port());
    assertThat(broker.controllerPort()).isNotEqualTo(broker.port());
    assertThat(broker.dataDir().resolve("meta.properties")).exists();

    broker.restart();

    assertThat(broker.isRunning()).isTrue();
    assertThat(broker.bootstrapServers()).isEqualTo(address);
  }

  @Test
  void recordsWrittenBeforeAStopAreReadableAfterTheRestartAndTheProducerCarriesOn()
      throws Exception {
    String topic = "restart-survival";
    try (KafkaProducer<String, String> producer = producer()) {
      RecordMetadata before =
          producer.send(new ProducerRecord<>(topic, "order-1", "written before the stop")).get();

      broker.stop();
      assertThat(broker.isRunning()).isFalse();
      // send() blocks while the producer has no metadata, as an outbox relay's would; the broker
      // comes back from elsewhere.
      CompletableFuture<RecordMetadata> during =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return producer
                      .send(new ProducerRecord<>(topic, "order-1", "sent around the restart"))
                      .get();
                } catch (InterruptedException | ExecutionException e) {
                  throw new IllegalStateException(e);
                }
              });
      broker.restart();

      RecordMetadata after = during.get(60, TimeUnit.SECONDS);
      assertThat(after.partition()).isEqualTo(before.partition());
      assertThat(after.offset()).isEqualTo(before.offset() + 1);
    }

    assertThat(readAll(topic, 2))
        .extracting(ConsumerRecord::value)
        .containsExactly("written before the stop", "sent around the restart");
  }

  @Test
  void stopTwiceIsHarmlessAndASecondBrokerCannotTakeTheSameDirectory() {
    assertThatThrownBy(() -> KafkaBroker.start(dataDir, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dataDir.toString());
    assertThat(broker.isRunning()).isTrue();

    broker.stop();
    broker.stop();
    broker.restart();
    assertThat(broker.isRunning()).isTrue();
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            60_000),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
