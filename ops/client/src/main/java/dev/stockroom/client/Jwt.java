package dev.stockroom.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.UUID;

/**
 * Reads the subject of an access token without verifying it. The client only needs the user id it
 * was just given by user-service over the same connection; verifying is the services' job. Reading
 * it here saves a {@code GET /users/me} per log-in.
 */
final class Jwt {
  private Jwt() {}

  /** The {@code sub} claim as a UUID, or null if the token has none or is not a JWT. */
  static UUID subject(String token, ObjectMapper json) {
    String[] parts = token.split("\\.");
    if (parts.length < 2) {
      return null;
    }
    try {
      JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
      JsonNode sub = claims.get("sub");
      return sub == null || !sub.isTextual() ? null : UUID.fromString(sub.asText());
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
