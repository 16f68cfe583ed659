package dev.stockroom.platform.outbox;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One event to publish: the Kafka record's topic, key and value plus the event's id and type.
 * {@code headers} become record headers (e.g. {@code traceparent}); the relay adds {@code eventId}
 * and {@code eventType} itself.
 *
 * @param eventId unique id of the event; consumers deduplicate on it
 * @param topic the Kafka topic
 * @param key the record key (the aggregate id), or null for no key
 * @param type the event type, e.g. {@code UserRegistered}
 * @param payload the record value, normally the JSON envelope
 * @param headers extra record headers; never null (use an empty map)
 */
public record OutboxMessage(
    UUID eventId,
    String topic,
    String key,
    String type,
    String payload,
    Map<String, String> headers) {

  public OutboxMessage {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (topic.isBlank()) {
      throw new IllegalArgumentException("topic must not be blank");
    }
  }

  /** A message without extra headers. */
  public static OutboxMessage of(
      UUID eventId, String topic, String key, String type, String payload) {
    return new OutboxMessage(eventId, topic, key, type, payload, Map.of());
  }
}
