package dev.stockroom.orderstream;

import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventHeaders;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.OrderCancelled;
import dev.stockroom.events.OrderLine;
import dev.stockroom.events.OrderPaid;
import dev.stockroom.events.OrderPlaced;
import dev.stockroom.events.StockLevelSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes order and inventory events to the shared broker the way order-service and product-service
 * do (idempotent producer, envelope, eventId header), and reads what the processor published,
 * read-committed.
 */
final class TestKafka implements AutoCloseable {
  static final UUID CUSTOMER = UUID.fromString("0b8f1e2d-3c4a-4b5c-9d6e-7f8091a2b3c4");

  private final KafkaProducer<byte[], byte[]> producer;

  TestKafka() {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  void stockLevel(UUID product, long onHand, long version) {
    send(
        dev.stockroom.events.Topics.INVENTORY,
        product.toString(),
        EventEnvelope.of(
            StockLevelSet.TYPE, product.toString(), new StockLevelSet(product, onHand, version)));
  }

  void place(UUID orderId, OrderLine... lines) {
    long total = Arrays.stream(lines).mapToLong(l -> l.quantity() * l.unitPriceMinor()).sum();
    send(
        dev.stockroom.events.Topics.ORDERS,
        orderId.toString(),
        EventEnvelope.of(
            OrderPlaced.TYPE,
            orderId.toString(),
            new OrderPlaced(orderId, CUSTOMER, List.of(lines), total, "EUR")));
  }

  void cancel(UUID orderId) {
    send(
        dev.stockroom.events.Topics.ORDERS,
        orderId.toString(),
        EventEnvelope.of(
            OrderCancelled.TYPE, orderId.toString(), new OrderCancelled(orderId, CUSTOMER)));
  }

  void pay(UUID orderId, long amountMinor) {
    send(
        dev.stockroom.events.Topics.ORDERS,
        orderId.toString(),
        EventEnvelope.of(
            OrderPaid.TYPE,
            orderId.toString(),
            new OrderPaid(orderId, CUSTOMER, UUID.randomUUID(), amountMinor, "EUR")));
  }

  void sendRaw(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private void send(String topic, String key, EventEnvelope<?> envelope) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            topic,
            key.getBytes(StandardCharsets.UTF_8),
            EventJson.write(envelope).getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(EventHeaders.EVENT_ID, envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
    try {
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The committed records of {@code topic} whose key is one of {@code keys}. */
  static List<ConsumerRecord<String, String>> committed(
      String topic, List<String> keys, int atLeast, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ConsumerRecord<String, String>> mine = new ArrayList<>();
    while (true) {
      mine.clear();
      for (ConsumerRecord<String, String> record :
          SharedKafka.consume(topic, Integer.MAX_VALUE, Duration.ofSeconds(1))) {
        if (keys.contains(record.key())) {
          mine.add(record);
        }
      }
      if (mine.size() >= atLeast || System.nanoTime() > deadline) {
        return mine;
      }
    }
  }

  static OrderLine line(UUID product, int quantity) {
    return new OrderLine(product, quantity, 250);
  }

  @Override
  public void close() {
    producer.close();
  }
}
