package dev.stockroom.product;

import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.InvalidEventException;
import dev.stockroom.events.StockView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The topics as another service sees them: reads from the beginning (read_committed) and produces
 * {@code stock.v1} records as the stream processor would.
 */
public final class TopicClient {
  private TopicClient() {}

  /** The event type of a record, or null for a value that is no envelope. */
  public static String typeOf(ConsumerRecord<String, String> record) {
    try {
      return record.value() == null ? null : EventJson.typeOf(record.value());
    } catch (InvalidEventException e) {
      return null;
    }
  }

  /**
   * The records of {@code topic} with key {@code key}, in partition (= per-key) order, polling
   * until {@code done} holds or the deadline passes (then returns what it has).
   */
  public static List<ConsumerRecord<String, String>> readKey(
      String topic,
      String key,
      Predicate<List<ConsumerRecord<String, String>>> done,
      Duration timeout) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedKafka.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    Instant deadline = Instant.now().plus(timeout);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
        consumer
            .partitionsFor(topic, Duration.ofSeconds(5))
            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (!done.test(records) && Instant.now().isBefore(deadline)) {
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(
                record -> {
                  if (key.equals(record.key())) {
                    records.add(record);
                  }
                });
      }
    }
    return records;
  }

  /** Sends one {@code stock.v1} record with the given event id and waits for the ack. */
  public static void produceStockView(UUID eventId, StockView view) {
    EventEnvelope<StockView> envelope =
        new EventEnvelope<>(
            eventId, StockView.TYPE, 1, Instant.now(), view.productId().toString(), view);
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedKafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      ProducerRecord<String, String> record =
          new ProducerRecord<>(
              dev.stockroom.events.Topics.STOCK,
              view.productId().toString(),
              EventJson.write(envelope));
      record
          .headers()
          .add("eventId", eventId.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("stock.v1 send failed", e.getCause());
    }
  }
}
