package dev.stockroom.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde for envelopes of one data type, using {@link EventJson}. A value that cannot be
 * parsed raises {@link InvalidEventException} so the caller can dead-letter it.
 *
 * @param <T> the event payload type
 */
public final class JsonSerde<T> implements Serde<EventEnvelope<T>> {
  private final Class<T> dataType;

  private JsonSerde(Class<T> dataType) {
    this.dataType = dataType;
  }

  /** A serde for envelopes carrying {@code dataType}. */
  public static <T> JsonSerde<T> of(Class<T> dataType) {
    return new JsonSerde<>(dataType);
  }

  @Override
  public Serializer<EventEnvelope<T>> serializer() {
    return (topic, envelope) ->
        envelope == null ? null : EventJson.write(envelope).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Deserializer<EventEnvelope<T>> deserializer() {
    return (topic, bytes) ->
        bytes == null ? null : EventJson.read(new String(bytes, StandardCharsets.UTF_8), dataType);
  }
}
