package dev.stockroom.order;

import static dev.stockroom.order.ApiClient.assertProblem;
import static dev.stockroom.order.ApiClient.card;
import static dev.stockroom.order.ApiClient.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.H2Database;
import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.devkit.TestTokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forged and broken tokens against every order endpoint. The service verifies with the JWKS of
 * devkit's {@link TestTokens}, so a token that differs from a valid one only in the attacked detail
 * is refused for that detail alone (the control test shows the valid one is accepted).
 */
@ExtendWith(SharedKafka.class)
class TokenAttacksIT {
  private static final TestTokens TOKENS = TestApps.TOKENS;

  @Order(1)
  @RegisterExtension
  static final H2Database DB = new H2Database();

  @Order(2)
  @RegisterExtension
  static final DropwizardAppExtension<OrderServiceConfiguration> APP =
      TestApps.app(DB::jdbcUrl, DB::user, DB::password);

  private static ApiClient api;
  private static UUID victim;
  private static UUID product;
  private static String order;

  @BeforeAll
  static void anOrder() {
    api = new ApiClient(APP.getLocalPort());
    victim = UUID.randomUUID();
    product = UUID.randomUUID();
    Streams.sendProduct(Streams.product(product, 100, "EUR", 1));
    Jdbi db = Jdbi.create(DB.jdbcUrl(), DB.user(), DB.password());
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                db.withHandle(
                        h ->
                            h.createQuery(
                                    // Other classes' products share the broker: wait for ours.
                                    "SELECT count(*) FROM product_replica WHERE product_id = :id")
                                .bind("id", product)
                                .mapTo(Integer.class)
                                .one())
                    > 0);
    order = api.place(TOKENS.token(victim, "customer"), product, 1).path("id").asText();
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
        attack("tampered payload", s -> TOKENS.tamperedPayload(s, "customer")),
        attack(
            "signed by another key under our kid",
            s -> TestTokens.create().builder().kid(TOKENS.kid()).subject(s).roles("admin").build()),
        attack("subject not a UUID", s -> TOKENS.builder().subject("admin").roles("admin").build()),
        attack(
            "no expiry", s -> TOKENS.builder().subject(s).roles("admin").expiresAt(null).build()),
        attack("garbage", s -> "not.a.jwt"));
  }

  private static Arguments attack(String name, Function<UUID, String> token) {
    return Arguments.of(name, token);
  }

  @Test
  void aValidTokenIsAccepted() {
    String token = TOKENS.token(victim, "customer");
    assertThat(api.get("/api/v1/orders/" + order, token).statusCode()).isEqualTo(200);
    assertThat(api.get("/api/v1/orders", token).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void forgedOrBrokenTokensAreUnauthorizedEverywhere(String name, Function<UUID, String> forge) {
    String token = forge.apply(victim);
    for (String path : List.of("/api/v1/orders", "/api/v1/orders/" + order)) {
      HttpResponse<String> response = api.get(path, token);
      assertProblem(response, 401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }
    assertProblem(api.post("/api/v1/orders", order(product, 1), token), 401);
    assertProblem(api.post("/api/v1/orders/" + order + "/cancel", "", token), 401);
    assertProblem(
        api.post("/api/v1/orders/" + order + "/payments", card("tok_visa"), token, "k"), 401);
    assertThat(api.status(TOKENS.token(victim, "customer"), order)).isEqualTo("PENDING");
  }

  @Test
  void noTokenIsUnauthorizedWithAChallenge() {
    HttpResponse<String> response = api.get("/api/v1/orders", null);

    assertProblem(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertProblem(api.post("/api/v1/orders", order(product, 1), null), 401);
  }

  @Test
  void aTokenOutsideTheAuthorizationHeaderIsIgnored() {
    String token = TOKENS.token(victim, "customer");

    assertProblem(api.get("/api/v1/orders?access_token=" + token, null), 401);
    assertProblem(
        api.send("GET", "/api/v1/orders", null, null, Map.of("Cookie", "access_token=" + token)),
        401);
    assertProblem(
        api.send("GET", "/api/v1/orders", null, null, Map.of("Authorization", "Basic " + token)),
        401);
  }

  @Test
  void aTokenWithoutAnOrderRoleIsForbidden() {
    String token = TOKENS.builder().subject(victim).roles().build();

    assertProblem(api.get("/api/v1/orders", token), 403);
    assertProblem(api.post("/api/v1/orders", order(product, 1), token), 403);
  }
}
