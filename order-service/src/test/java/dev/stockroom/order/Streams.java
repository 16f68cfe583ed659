package dev.stockroom.order;

import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventHeaders;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.InvalidEventException;
import dev.stockroom.events.OrderConfirmed;
import dev.stockroom.events.OrderRejected;
import dev.stockroom.events.OrderReleased;
import dev.stockroom.events.ProductDiscontinued;
import dev.stockroom.events.ProductUpserted;
import dev.stockroom.events.RejectedLine;
import dev.stockroom.events.RejectionReason;
import dev.stockroom.events.ReleaseCause;
import dev.stockroom.events.Topics;
import java.nio.charset.StandardCharsets;
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
 * Plays the other services in tests: writes {@code products.v1} (product-service) and {@code
 * order-status.v1} (the stream processor) records, and reads {@code orders.v1} as they would.
 */
public final class Streams {
  private static KafkaProducer<String, String> producer;

  private Streams() {}

  public static EventEnvelope<ProductUpserted> product(
      UUID id, long priceMinor, String currency, long version) {
    return EventEnvelope.of(
        ProductUpserted.TYPE,
        id.toString(),
        new ProductUpserted(
            id,
            "SKU-" + id.toString().substring(0, 8),
            "Product " + version,
            "A test product",
            priceMinor,
            currency,
            true,
            version,
            Instant.now()));
  }

  public static EventEnvelope<ProductDiscontinued> discontinued(UUID id, long version) {
    return EventEnvelope.of(
        ProductDiscontinued.TYPE, id.toString(), new ProductDiscontinued(id, version));
  }

  /** Confirmed with the stream processor's default 15 minutes to pay. */
  public static EventEnvelope<OrderConfirmed> confirmed(UUID orderId) {
    return confirmed(orderId, Instant.now().plus(Duration.ofMinutes(15)));
  }

  public static EventEnvelope<OrderConfirmed> confirmed(UUID orderId, Instant expiresAt) {
    return EventEnvelope.of(
        OrderConfirmed.TYPE, orderId.toString(), new OrderConfirmed(orderId, List.of(), expiresAt));
  }

  public static EventEnvelope<OrderRejected> rejected(UUID orderId, List<RejectedLine> lines) {
    RejectionReason reason =
        lines.stream().anyMatch(l -> l.reason() == RejectionReason.UNKNOWN_PRODUCT)
            ? RejectionReason.UNKNOWN_PRODUCT
            : RejectionReason.OUT_OF_STOCK;
    return EventEnvelope.of(
        OrderRejected.TYPE, orderId.toString(), new OrderRejected(orderId, reason, lines));
  }

  public static EventEnvelope<OrderReleased> released(UUID orderId, ReleaseCause cause) {
    return EventEnvelope.of(
        OrderReleased.TYPE, orderId.toString(), new OrderReleased(orderId, cause));
  }

  /**
   * Writes the envelope to its topic, key = aggregate id, with the eventId header; waits for ack.
   */
  public static void send(String topic, EventEnvelope<?> event) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(topic, event.aggregateId(), EventJson.write(event));
    record
        .headers()
        .add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
    try {
      producer().send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  public static void sendProduct(EventEnvelope<?> event) {
    send(Topics.PRODUCTS, event);
  }

  public static void sendStatus(EventEnvelope<?> event) {
    send(Topics.ORDER_STATUS, event);
  }

  /** The event type of a record, or null for a value that is no envelope. */
  public static String typeOf(ConsumerRecord<String, String> record) {
    try {
      return record.value() == null ? null : EventJson.typeOf(record.value());
    } catch (InvalidEventException e) {
      return null;
    }
  }

  /** The {@code orders.v1} events of one order, waiting until {@code count} are there. */
  public static List<String> orderEventTypes(UUID orderId, int count) {
    Predicate<ConsumerRecord<String, String>> mine = r -> orderId.toString().equals(r.key());
    return SharedKafka.consumeUntil(
            Topics.ORDERS,
            records -> records.stream().filter(mine).count() >= count,
            Duration.ofSeconds(30))
        .stream()
        .filter(mine)
        .map(Streams::typeOf)
        .toList();
  }

  private static synchronized KafkaProducer<String, String> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  SharedKafka.bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                  StringSerializer.class,
                  ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                  StringSerializer.class));
    }
    return producer;
  }
}
