package dev.stockroom.user.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.stockroom.platform.web.ApiFactory;
import dev.stockroom.user.core.AccessToken;
import dev.stockroom.user.core.IssuedTokens;
import dev.stockroom.user.core.User;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pins the JSON clients see, against the fixtures under {@code src/test/resources/fixtures}. */
class ApiWireFormatTest {
  private final ObjectMapper mapper = Jackson.newObjectMapper();

  ApiWireFormatTest() {
    ApiFactory.configureObjectMapper(mapper);
    // As platform's ApiFactory configures the service's mapper (Dropwizard's default ignores them).
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  @Test
  void userResponseHasIsoTimesAndNeverAPasswordHash() throws Exception {
    User user =
        new User(
            UUID.fromString("0b7c4a52-3f0e-4c8e-9a57-2f4f7d8f1e01"),
            "Ada@Example.com",
            "ada@example.com",
            "Ada",
            "$argon2id$secret",
            new TreeSet<>(Set.of("customer", "admin")),
            3,
            Instant.parse("2025-03-01T10:00:00.123456Z"),
            Instant.parse("2025-03-02T08:30:00Z"));

    JsonNode written = written(UserResponse.from(user));

    assertThat(written).isEqualTo(fixture("user-response.json"));
    assertThat(written.toString()).doesNotContain("argon2id").doesNotContain("password");
  }

  @Test
  void tokenResponseLooksLikeOAuthInCamelCase() throws Exception {
    Instant now = Instant.parse("2025-03-01T10:00:00Z");
    IssuedTokens tokens =
        new IssuedTokens(
            new AccessToken(
                "eyJraWQiOiJrIiwiYWxnIjoiRWREU0EifQ.e30.c2ln", now, now.plusSeconds(900)),
            "6dZ0m0y8bq5nq7bJ3m6d1o9q2y5u8x1a4c7f0h3k6n9",
            now.plusSeconds(30L * 24 * 3600));

    assertThat(written(TokenResponse.from(tokens))).isEqualTo(fixture("token-response.json"));
  }

  @Test
  void createUserRequestReadsTheFixtureAndRejectsRoles() throws Exception {
    CreateUserRequest request =
        mapper.treeToValue(fixture("create-user-request.json"), CreateUserRequest.class);

    assertThat(request)
        .isEqualTo(new CreateUserRequest("ada@example.com", "correct horse battery", "Ada"));
    assertThat(request.toString()).doesNotContain("correct horse battery");
    assertThatThrownBy(
            () ->
                mapper.readValue(
                    "{\"email\":\"a@example.com\",\"password\":\"p\",\"displayName\":\"d\","
                        + "\"roles\":[\"admin\"]}",
                    CreateUserRequest.class))
        .isInstanceOf(UnrecognizedPropertyException.class);
  }

  /** Serialized and parsed back, so numbers compare by value whatever their Java type. */
  private JsonNode written(Object value) throws IOException {
    return mapper.readTree(mapper.writeValueAsString(value));
  }

  private JsonNode fixture(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name)) {
      return mapper.readTree(in);
    }
  }
}
