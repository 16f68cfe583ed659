package dev.stockroom.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockroom.platform.errors.BadRequestException;
import dev.stockroom.platform.errors.FieldError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A position in a keyset-paginated list: the sort-key values of the last item of the previous page,
 * such as {@code (createdAt, id)} or {@code (email, id)}. Clients see it as an opaque base64url
 * string and send it back as {@code ?cursor=}.
 *
 * <p>Anything a client sends may be garbage, so decoding and every typed accessor answer a 400
 * problem for {@code cursor} (never a 500) when the text is not a cursor or not the cursor the
 * endpoint expects.
 */
public final class Cursor {
  /** Longest encoded cursor accepted; real ones are well under 200 characters. */
  public static final int MAX_ENCODED_LENGTH = 512;

  private static final int MAX_VALUES = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> values;

  private Cursor(List<String> values) {
    this.values = List.copyOf(values);
  }

  public static Cursor of(String... values) {
    if (values.length == 0 || values.length > MAX_VALUES) {
      throw new IllegalArgumentException("a cursor has 1 to " + MAX_VALUES + " values");
    }
    List<String> list = new ArrayList<>();
    for (String value : values) {
      list.add(Objects.requireNonNull(value, "cursor values cannot be null"));
    }
    return new Cursor(list);
  }

  public static Cursor of(Instant at, UUID id) {
    return of(at.toString(), id.toString());
  }

  public static Cursor of(String key, UUID id) {
    return of(key, id.toString());
  }

  /** The opaque form sent to clients: base64url, no padding, of a JSON array of strings. */
  public String encode() {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serializes", e);
    }
  }

  /** Parses what a client sent; a 400 problem for anything that is not a cursor. */
  public static Cursor decode(String encoded) {
    if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_ENCODED_LENGTH) {
      throw malformed();
    }
    try {
      byte[] json = Base64.getUrlDecoder().decode(encoded);
      JsonNode node = JSON.readTree(new String(json, StandardCharsets.UTF_8));
      if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_VALUES) {
        throw malformed();
      }
      List<String> values = new ArrayList<>();
      for (JsonNode value : node) {
        if (!value.isTextual()) {
          throw malformed();
        }
        values.add(value.asText());
      }
      return new Cursor(values);
    } catch (IllegalArgumentException | IOException e) {
      throw malformed();
    }
  }

  public int size() {
    return values.size();
  }

  public String string(int index) {
    if (index < 0 || index >= values.size()) {
      throw malformed();
    }
    return values.get(index);
  }

  public Instant instant(int index) {
    try {
      return Instant.parse(string(index));
    } catch (DateTimeParseException e) {
      throw malformed();
    }
  }

  public UUID uuid(int index) {
    try {
      return UUID.fromString(string(index));
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
  }

  public long longValue(int index) {
    try {
      return Long.parseLong(string(index));
    } catch (NumberFormatException e) {
      throw malformed();
    }
  }

  static BadRequestException malformed() {
    return new BadRequestException(
        "The cursor is not valid; use the nextCursor of a previous page.",
        List.of(new FieldError("cursor", "is not a valid cursor")));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cursor cursor && values.equals(cursor.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Cursor" + values;
  }
}
