package dev.stockroom.user;

import static dev.stockroom.user.ApiClient.assertProblem;
import static dev.stockroom.user.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.H2Database;
import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.devkit.TestTokens;
import dev.stockroom.user.auth.Ed25519Pem;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forged and broken tokens against this service's own endpoints. The service is configured to sign
 * with devkit's {@link TestTokens} key under its kid, so a TestTokens token that differs from a
 * valid one only in the attacked detail is rejected for that detail alone (the control test shows
 * the valid one is accepted).
 */
@ExtendWith(SharedKafka.class)
class TokenAttacksIT {
  private static final TestTokens TOKENS = TestTokens.create();

  @Order(1)
  @RegisterExtension
  static final H2Database DB = new H2Database();

  @Order(2)
  @RegisterExtension
  static final DropwizardAppExtension<UserServiceConfiguration> APP =
      TestApps.app(
          DB::jdbcUrl,
          DB::user,
          DB::password,
          TestApps.Dirs.create(),
          Map.of(
              "tokens.keys.directory", "",
              "tokens.keys.currentKeyFile", keyFile().toString(),
              "tokens.keys.currentKeyId", TOKENS.kid()));

  private static ApiClient api;
  private static UUID customer;
  private static UUID admin;

  @BeforeAll
  static void accounts() {
    api = new ApiClient(APP.getLocalPort());
    customer = UUID.fromString(api.register("victim@example.com", "Victim").path("id").asText());
    admin = UUID.fromString(api.register("boss@example.com", "Boss").path("id").asText());
  }

  static Stream<Arguments> attacks() {
    return Stream.of(
        attack("alg none", s -> TOKENS.algNone(s, "customer", "admin")),
        attack(
            "HS256 signed with the public key",
            s -> TOKENS.hs256SignedWithPublicKey(s, "customer", "admin")),
        attack("expired", s -> TOKENS.expired(s, "customer", "admin")),
        attack("not yet valid", s -> TOKENS.notYetValid(s, "customer", "admin")),
        attack("wrong issuer", s -> TOKENS.wrongIssuer(s, "customer", "admin")),
        attack("wrong audience", s -> TOKENS.wrongAudience(s, "customer", "admin")),
        attack("unknown kid", s -> TOKENS.unknownKid(s, "customer", "admin")),
        // Signed for a customer; the payload swapped for one that adds admin.
        attack("tampered payload", s -> TOKENS.tamperedPayload(s, "customer")),
        attack(
            "signed by another key under our kid",
            s -> TestTokens.create().builder().kid(TOKENS.kid()).subject(s).roles("admin").build()),
        attack("subject not a UUID", s -> TOKENS.builder().subject("admin").roles("admin").build()),
        attack(
            "no expiry", s -> TOKENS.builder().subject(s).roles("admin").expiresAt(null).build()),
        attack("garbage", s -> "not.a.jwt"),
        attack(
            "empty signature",
            s -> {
              String valid = TOKENS.token(s, "admin");
              return valid.substring(0, valid.lastIndexOf('.') + 1);
            }));
  }

  private static Arguments attack(String name, Function<UUID, String> token) {
    return Arguments.of(name, token);
  }

  @Test
  void aValidTokenFromTheSameKeyIsAccepted() {
    assertThat(api.get("/api/v1/users/me", TOKENS.token(customer)).statusCode()).isEqualTo(200);
    assertThat(api.get("/api/v1/users", TOKENS.token(admin, "admin")).statusCode()).isEqualTo(200);
    // And the service's own log-in issues tokens under the same kid.
    String own = api.accessToken("victim@example.com");
    assertThat(api.get("/api/v1/users/me", own).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void forgedOrBrokenTokensAreUnauthorizedEverywhere(String name, Function<UUID, String> forge) {
    String token = forge.apply(admin);
    for (String path : List.of("/api/v1/users/me", "/api/v1/users", "/api/v1/users/" + customer)) {
      HttpResponse<String> response = api.get(path, token);
      assertProblem(response, 401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }
    assertProblem(
        api.put("/api/v1/users/" + customer + "/roles", "{\"roles\":[\"admin\"]}", token), 401);
    assertProblem(api.patch("/api/v1/users/me", "{\"displayName\":\"Pwned\"}", token, null), 401);
    assertThat(json(api.get("/api/v1/users/me", TOKENS.token(customer))).path("roles"))
        .extracting(n -> n.asText())
        .containsExactly("customer");
  }

  @Test
  void aTokenOutsideTheAuthorizationHeaderIsIgnored() {
    String token = TOKENS.token(admin, "admin");

    assertProblem(api.get("/api/v1/users/me?access_token=" + token), 401);
    assertProblem(
        api.send("GET", "/api/v1/users/me", null, null, Map.of("Cookie", "access_token=" + token)),
        401);
    assertProblem(
        api.send("GET", "/api/v1/users/me", null, null, Map.of("Authorization", "Basic " + token)),
        401);
    assertProblem(
        api.send("GET", "/api/v1/users/me", null, null, Map.of("Authorization", token)), 401);
  }

  @Test
  void noTokenIsUnauthorizedWithAChallenge() {
    HttpResponse<String> response = api.get("/api/v1/users/me");

    assertProblem(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void aValidTokenForAnAccountThatDoesNotExistFindsNothing() {
    assertProblem(api.get("/api/v1/users/me", TOKENS.token(UUID.randomUUID())), 404);
  }

  @Test
  void rolesComeFromTheSignedTokenNotFromTheRequest() {
    String customerToken = TOKENS.token(customer, "customer");

    assertProblem(api.get("/api/v1/users", customerToken), 403);
    assertProblem(
        api.send(
            "GET",
            "/api/v1/users",
            null,
            null,
            Map.of("Authorization", "Bearer " + customerToken, "X-Roles", "admin")),
        403);
  }

  private static Path keyFile() {
    try {
      Path file = Files.createTempFile("test-tokens", ".pem");
      Files.writeString(file, Ed25519Pem.privateKeyPem(TOKENS.privateKey()));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
