package dev.stockroom.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Header names every Stockroom record carries and helpers to read them. The names are the same
 * strings as {@code dev.stockroom.events.EventHeaders}; platform does not depend on the events
 * module because it must not see domain event types.
 */
public final class KafkaHeaders {
  /** The envelope's eventId, so consumers can deduplicate without parsing the value. */
  public static final String EVENT_ID = "eventId";

  /** The event's type, so consumers can route without parsing the value. */
  public static final String EVENT_TYPE = "eventType";

  /** W3C trace context of the request that caused the event. */
  public static final String TRACEPARENT = "traceparent";

  private KafkaHeaders() {}

  /** The last value of header {@code name} as UTF-8 text. */
  public static Optional<String> lastHeader(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    if (header == null || header.value() == null) {
      return Optional.empty();
    }
    return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
  }

  /**
   * The record's {@code eventId} header.
   *
   * @throws IllegalArgumentException if the header is missing or not a UUID
   */
  public static UUID eventId(ConsumerRecord<?, ?> record) {
    String value =
        lastHeader(record, EVENT_ID)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "record "
                            + record.topic()
                            + "-"
                            + record.partition()
                            + "@"
                            + record.offset()
                            + " has no "
                            + EVENT_ID
                            + " header"));
    return UUID.fromString(value);
  }
}
