package dev.stockroom.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** An unpublished row of {@code outbox_events} as the relay reads it. */
public record OutboxRow(
    long id,
    UUID eventId,
    String topic,
    String messageKey,
    String eventType,
    String payload,
    String headers,
    Instant createdAt) {}
