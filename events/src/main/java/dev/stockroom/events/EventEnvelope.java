package dev.stockroom.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The JSON envelope every record value carries: {@code {eventId, type, version, occurredAt,
 * aggregateId, data}}. Consumers deduplicate on {@code eventId} because the outbox delivers at
 * least once.
 *
 * @param <T> the event payload type
 */
public record EventEnvelope<T>(
    UUID eventId, String type, int version, Instant occurredAt, String aggregateId, T data) {

  public EventEnvelope {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(data, "data");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, was " + version);
    }
  }

  /**
   * A new envelope with a random id, schema version 1 and the current time truncated to
   * milliseconds, so the wire value round-trips exactly.
   */
  public static <T> EventEnvelope<T> of(String type, String aggregateId, T data) {
    return new EventEnvelope<>(
        UUID.randomUUID(),
        type,
        1,
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        aggregateId,
        data);
  }
}
