package dev.stockroom.orderstream.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.InvalidEventException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON for the records only this application reads: internal topic values and store values. It uses
 * the events mapper so UUIDs, instants and enums look the same everywhere, but no envelope: these
 * are not contracts between services.
 *
 * @param <T> the record type
 */
final class InternalJson<T> {
  private final Class<T> type;
  private final ObjectReader reader;
  private final ObjectWriter writer;

  private InternalJson(Class<T> type) {
    this.type = type;
    this.reader = EventJson.mapper().readerFor(type);
    this.writer = EventJson.mapper().writerFor(type);
  }

  static <T> InternalJson<T> of(Class<T> type) {
    return new InternalJson<>(type);
  }

  byte[] write(T value) {
    try {
      return writer.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws InvalidEventException when the bytes are not a valid value of the type
   */
  T read(byte[] bytes) {
    if (bytes == null) {
      throw new InvalidEventException("null " + type.getSimpleName(), null);
    }
    try {
      T value = reader.readValue(bytes);
      if (value == null) {
        throw new InvalidEventException("null " + type.getSimpleName(), null);
      }
      return value;
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new InvalidEventException("not a valid " + type.getSimpleName(), e);
    }
  }

  Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : write(value);
  }

  Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }

  Serde<T> serde() {
    return Serdes.serdeFrom(serializer(), deserializer());
  }
}
