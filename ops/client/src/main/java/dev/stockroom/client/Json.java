package dev.stockroom.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration of the client. */
final class Json {
  private Json() {}

  static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        // Responses carry more than the client's records (createdAt, ETag-relevant versions, ...)
        // and may grow new fields; a client that broke on them would break on every release.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        // The services reject unknown fields but treat absent optional ones as absent: never send
        // an explicit null the caller did not mean.
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }
}
