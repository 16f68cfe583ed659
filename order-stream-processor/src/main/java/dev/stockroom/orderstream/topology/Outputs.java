package dev.stockroom.orderstream.topology;

import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventHeaders;
import dev.stockroom.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;

/** Builds output records: envelopes with the standard headers, and internal records. */
final class Outputs {
  private Outputs() {}

  /**
   * A public event: JSON envelope value, key = aggregate id, headers {@code eventId}, {@code
   * eventType} and the causing record's {@code traceparent} when it had one.
   */
  static Record<Object, Object> event(
      String type, String aggregateId, Object data, Instant now, long timestamp, Headers cause) {
    EventEnvelope<Object> envelope =
        new EventEnvelope<>(UUID.randomUUID(), type, 1, now, aggregateId, data);
    Headers headers = traceOf(cause);
    headers.add(EventHeaders.EVENT_ID, bytes(envelope.eventId().toString()));
    headers.add(EventHeaders.EVENT_TYPE, bytes(type));
    return new Record<>(aggregateId, EventJson.write(envelope), timestamp, headers);
  }

  /** An internal record; it carries the trace on so the decision it leads to stays in the trace. */
  static Record<Object, Object> internal(String key, Object value, long timestamp, Headers cause) {
    return new Record<>(key, value, timestamp, traceOf(cause));
  }

  private static Headers traceOf(Headers cause) {
    Headers headers = new RecordHeaders();
    if (cause != null) {
      Header trace = cause.lastHeader(EventHeaders.TRACEPARENT);
      if (trace != null) {
        headers.add(EventHeaders.TRACEPARENT, trace.value());
      }
    }
    return headers;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
