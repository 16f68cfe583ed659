package dev.stockroom.product;

import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.InvalidEventException;
import dev.stockroom.events.StockView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    return withKey(
        SharedKafka.consumeUntil(topic, records -> done.test(withKey(records, key)), timeout), key);
  }

  private static List<ConsumerRecord<String, String>> withKey(
      List<ConsumerRecord<String, String>> records, String key) {
    return records.stream().filter(r -> key.equals(r.key())).toList();
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
