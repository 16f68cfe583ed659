package dev.stockroom.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping for events. Times are ISO 8601 strings; unknown fields are ignored on read
 * so a producer may add optional fields without breaking older consumers.
 */
public final class EventJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          // A quantity of 2.5 is a contract violation, not 2.
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .build();

  private EventJson() {}

  /** The shared mapper; treat it as read-only. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Serializes an envelope to its wire form. */
  public static String write(EventEnvelope<?> envelope) {
    try {
      return MAPPER.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses an envelope whose {@code data} is of the given type.
   *
   * @throws InvalidEventException when the text is not a valid envelope of that type
   */
  public static <T> EventEnvelope<T> read(String json, Class<T> dataType) {
    JavaType type = MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, dataType);
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      throw new InvalidEventException("not a valid " + dataType.getSimpleName() + " envelope", e);
    }
  }

  /**
   * Reads only the envelope's {@code type}, for consumers that route on it before choosing a data
   * class.
   *
   * @throws InvalidEventException when the text is not JSON or has no string {@code type}
   */
  public static String typeOf(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      JsonNode type = node == null ? null : node.get("type");
      if (type == null || !type.isTextual()) {
        throw new InvalidEventException("envelope has no type", null);
      }
      return type.asText();
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("not JSON", e);
    }
  }
}
