package dev.stockroom.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** The {@code headers} column: a flat JSON object of string values. */
final class HeadersJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private HeadersJson() {}

  static String write(Map<String, String> headers) {
    try {
      // Sorted so the stored text does not depend on map iteration order.
      return MAPPER.writeValueAsString(new TreeMap<>(headers));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> read(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return MAPPER.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
