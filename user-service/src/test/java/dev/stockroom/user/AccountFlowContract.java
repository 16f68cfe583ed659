package dev.stockroom.user;

import static dev.stockroom.user.ApiClient.PASSWORD;
import static dev.stockroom.user.ApiClient.assertProblem;
import static dev.stockroom.user.ApiClient.credentials;
import static dev.stockroom.user.ApiClient.json;
import static dev.stockroom.user.ApiClient.refreshToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.UserRegistered;
import dev.stockroom.events.UserUpdated;
import dev.stockroom.platform.auth.AuthenticatedUser;
import dev.stockroom.platform.auth.JwksKeyResolver;
import dev.stockroom.platform.auth.JwtVerifier;
import dev.stockroom.platform.kafka.KafkaHeaders;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client of user-service sees, over real HTTP with the real broker. Subclasses run it on H2
 * and on PostgreSQL. Every test registers its own accounts.
 */
abstract class AccountFlowContract {
  protected ApiClient api;
  private String tag;

  abstract DropwizardAppExtension<UserServiceConfiguration> app();

  @BeforeEach
  void client() {
    api = new ApiClient(app().getLocalPort());
    tag = UUID.randomUUID().toString().substring(0, 8);
  }

  private String email(String name) {
    return name + "." + tag + "@example.com";
  }

  @Test
  void registerLogInRefreshReadProfileAndLogOut() {
    String email = email("Flow");
    HttpResponse<String> created =
        api.post("/api/v1/users", ApiClient.registration(" " + email + " ", PASSWORD, " Flo "));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode user = json(created);
    String id = user.path("id").asText();
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/users/" + id));
    assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(user.path("email").asText()).isEqualTo(email);
    assertThat(user.path("displayName").asText()).isEqualTo("Flo");
    assertThat(user.path("roles")).extracting(JsonNode::asText).containsExactly("customer");
    assertThat(created.body()).doesNotContain("password").doesNotContain("argon");

    HttpResponse<String> login =
        api.post("/api/v1/auth/token", credentials(email.toUpperCase(), PASSWORD));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    JsonNode tokens = json(login);
    assertThat(tokens.path("tokenType").asText()).isEqualTo("Bearer");
    assertThat(tokens.path("expiresIn").asLong()).isEqualTo(900);
    assertThat(tokens.path("refreshTokenExpiresIn").asLong()).isGreaterThan(29 * 24 * 3600L);

    HttpResponse<String> me = api.get("/api/v1/users/me", tokens.path("accessToken").asText());
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(json(me).path("id").asText()).isEqualTo(id);
    assertThat(me.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(api.get("/api/v1/users/" + id, tokens.path("accessToken").asText()).statusCode())
        .isEqualTo(200);

    HttpResponse<String> refreshed =
        api.post("/api/v1/auth/refresh", refreshToken(tokens.path("refreshToken").asText()));
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    JsonNode next = json(refreshed);
    assertThat(next.path("refreshToken").asText())
        .isNotEqualTo(tokens.path("refreshToken").asText());
    assertThat(api.get("/api/v1/users/me", next.path("accessToken").asText()).statusCode())
        .isEqualTo(200);

    HttpResponse<String> logout =
        api.post("/api/v1/auth/logout", refreshToken(next.path("refreshToken").asText()));
    assertThat(logout.statusCode()).isEqualTo(204);
    assertProblem(
        api.post("/api/v1/auth/refresh", refreshToken(next.path("refreshToken").asText())), 401);
  }

  @Test
  void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
    String email = email("reuse");
    api.register(email, "Reuse");
    JsonNode first = api.login(email, PASSWORD);
    JsonNode second =
        json(api.post("/api/v1/auth/refresh", refreshToken(first.path("refreshToken").asText())));

    HttpResponse<String> replay =
        api.post("/api/v1/auth/refresh", refreshToken(first.path("refreshToken").asText()));

    assertProblem(replay, 401);
    // The newest token of the family dies with it: the thief and the user both log in again.
    assertProblem(
        api.post("/api/v1/auth/refresh", refreshToken(second.path("refreshToken").asText())), 401);
    // A session from another log-in is untouched.
    JsonNode other = api.login(email, PASSWORD);
    assertThat(
            api.post("/api/v1/auth/refresh", refreshToken(other.path("refreshToken").asText()))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void unknownEmailAndWrongPasswordGetTheSameAnswer() {
    String email = email("same");
    api.register(email, "Same");

    JsonNode unknown =
        assertProblem(api.post("/api/v1/auth/token", credentials(email("nobody"), PASSWORD)), 401);
    JsonNode wrong =
        assertProblem(api.post("/api/v1/auth/token", credentials(email, "not the password")), 401);

    assertThat(unknown.path("detail")).isEqualTo(wrong.path("detail"));
    assertThat(unknown.path("type")).isEqualTo(wrong.path("type"));
  }

  @Test
  void everyRegistrationReachesUsersTopic() {
    List<String> ids = new ArrayList<>();
    IntStream.range(0, 5)
        .forEach(i -> ids.add(api.register(email("topic" + i), "Topic " + i).path("id").asText()));

    List<ConsumerRecord<String, String>> records =
        UsersTopic.readUntil(all -> registeredIds(all).containsAll(ids), Duration.ofSeconds(60));

    assertThat(registeredIds(records)).containsAll(ids);
    for (ConsumerRecord<String, String> record : records) {
      if (ids.contains(record.key())) {
        EventEnvelope<UserRegistered> event = EventJson.read(record.value(), UserRegistered.class);
        assertThat(event.data().userId().toString()).isEqualTo(record.key());
        assertThat(KafkaHeaders.eventId(record)).isEqualTo(event.eventId());
      }
    }
  }

  @Test
  void aCustomerCallingAnAdminEndpointIsForbidden() {
    String email = email("customer");
    String id = api.register(email, "Customer").path("id").asText();
    String token = api.accessToken(email);

    assertProblem(api.get("/api/v1/users", token), 403);
    assertProblem(api.put("/api/v1/users/" + id + "/roles", "{\"roles\":[\"admin\"]}", token), 403);
    assertThat(json(api.get("/api/v1/users/me", token)).path("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("customer");
  }

  @Test
  void readingAnotherUserLooksLikeAMissingUser() {
    api.register(email("alice"), "Alice");
    String bobId = api.register(email("bob"), "Bob").path("id").asText();
    String aliceToken = api.accessToken(email("alice"));

    JsonNode other = assertProblem(api.get("/api/v1/users/" + bobId, aliceToken), 404);
    JsonNode missing =
        assertProblem(api.get("/api/v1/users/" + UUID.randomUUID(), aliceToken), 404);

    assertThat(other.path("detail")).isEqualTo(missing.path("detail"));
  }

  @Test
  void aBootstrappedAdminListsUsersAndChangesRoles() {
    for (String name : List.of("carol", "dave", "erin")) {
      api.register(email("list-" + name), name);
    }
    String adminEmail = email("root");

    Commands.Result result =
        Commands.run(PASSWORD + "\n", "create-admin", "--email", adminEmail, TestApps.CONFIG);

    assertThat(result.success()).as(result.stderr()).isTrue();
    assertThat(result.stdout()).contains("Created admin " + adminEmail);
    String admin = api.accessToken(adminEmail);
    HttpResponse<String> page = api.get("/api/v1/users?limit=2&emailPrefix=LIST-", admin);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    // Other tests' accounts share the database; the prefix and tag keep ours apart.
    List<String> names = new ArrayList<>();
    String next = "/api/v1/users?limit=2&emailPrefix=list-";
    while (next != null) {
      HttpResponse<String> response = api.get(next, admin);
      JsonNode body = json(response);
      body.path("items")
          .forEach(
              item -> {
                if (item.path("email").asText().contains(tag)) {
                  names.add(item.path("displayName").asText());
                }
              });
      next =
          body.path("nextCursor").isNull()
              ? null
              : response
                  .headers()
                  .firstValue("Link")
                  .map(l -> l.substring(1, l.indexOf('>')))
                  .orElseThrow();
    }
    assertThat(names).containsExactly("carol", "dave", "erin");

    String carolId = userId(admin, "list-carol");
    HttpResponse<String> promoted =
        api.put(
            "/api/v1/users/" + carolId + "/roles", "{\"roles\":[\"customer\",\"admin\"]}", admin);
    assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
    assertThat(json(promoted).path("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("admin", "customer");
    assertThat(api.get("/api/v1/users", api.accessToken(email("list-carol"))).statusCode())
        .isEqualTo(200);
    List<ConsumerRecord<String, String>> records =
        UsersTopic.readUntil(all -> hasRoleUpdate(all, carolId), Duration.ofSeconds(60));
    assertThat(hasRoleUpdate(records, carolId)).isTrue();

    Commands.Result again =
        Commands.run("", "create-admin", "--email", adminEmail.toUpperCase(), TestApps.CONFIG);
    assertThat(again.stdout()).contains("already an admin");
  }

  @Test
  void repeatedFailedLogInsAreThrottledWithRetryAfter() {
    String email = email("throttle");
    api.register(email, "Throttle");
    // The test configuration allows 5 attempts per account per minute.
    for (int i = 0; i < 5; i++) {
      assertProblem(api.post("/api/v1/auth/token", credentials(email, "wrong password " + i)), 401);
    }

    HttpResponse<String> throttled = api.post("/api/v1/auth/token", credentials(email, PASSWORD));

    assertProblem(throttled, 429);
    assertThat(throttled.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
    // Another account from the same address is not affected.
    String other = email("unthrottled");
    api.register(other, "Other");
    assertThat(api.login(other, PASSWORD).path("accessToken").asText()).isNotBlank();
  }

  @Test
  void profileChangesUseETagsAndAPasswordChangeEndsOtherSessions() {
    String email = email("profile");
    api.register(email, "Before");
    JsonNode session = api.login(email, PASSWORD);
    String token = session.path("accessToken").asText();

    HttpResponse<String> renamed =
        api.patch("/api/v1/users/me", "{\"displayName\":\"After\"}", token, "\"1\"");
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.headers().firstValue("ETag")).contains("\"2\"");
    assertProblem(
        api.patch("/api/v1/users/me", "{\"displayName\":\"Stale\"}", token, "\"1\""), 412);

    JsonNode wrongCurrent =
        assertProblem(
            api.patch(
                "/api/v1/users/me",
                "{\"currentPassword\":\"not it at all\",\"newPassword\":\"a new long password\"}",
                token,
                null),
            422);
    assertThat(wrongCurrent.path("errors").get(0).path("field").asText())
        .isEqualTo("currentPassword");

    HttpResponse<String> changed =
        api.patch(
            "/api/v1/users/me",
            "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a new long password\"}",
            token,
            null);
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(json(changed).path("displayName").asText()).isEqualTo("After");
    assertProblem(
        api.post("/api/v1/auth/refresh", refreshToken(session.path("refreshToken").asText())), 401);
    assertProblem(api.post("/api/v1/auth/token", credentials(email, PASSWORD)), 401);
    assertThat(api.login(email, "a new long password").path("accessToken").asText()).isNotBlank();
  }

  @Test
  void publishesTheKeysThatVerifyItsTokens() throws Exception {
    String email = email("jwks");
    String id = api.register(email, "Jwks").path("id").asText();
    String token = api.accessToken(email);

    HttpResponse<String> jwks = api.get("/.well-known/jwks.json");

    assertThat(jwks.statusCode()).isEqualTo(200);
    assertThat(jwks.headers().firstValue("Cache-Control")).contains("public, max-age=300");
    JsonNode key = json(jwks).path("keys").get(0);
    assertThat(key.path("kty").asText()).isEqualTo("OKP");
    assertThat(key.path("crv").asText()).isEqualTo("Ed25519");
    assertThat(key.has("d")).isFalse();
    JsonNode header =
        ApiClient.JSON.readTree(
            Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
    assertThat(header.path("kid").asText()).isEqualTo(key.path("kid").asText());
    assertThat(header.path("alg").asText()).isEqualTo("EdDSA");
    // Verified exactly as another service would: platform's verifier fed from the JWKS URL.
    JwksKeyResolver keys =
        JwksKeyResolver.create(
            URI.create("http://127.0.0.1:" + app().getLocalPort() + "/.well-known/jwks.json"),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofMinutes(10),
            Duration.ofSeconds(1));
    JwtVerifier verifier =
        new JwtVerifier(
            keys, "stockroom-user-service", "stockroom", Duration.ofSeconds(30), "roles");
    assertThat(verifier.verify(token).map(AuthenticatedUser::id)).contains(UUID.fromString(id));
  }

  @Test
  void adminPortReportsHealthMetricsAndPrometheus() {
    ApiClient admin = new ApiClient(app().getAdminPort());

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              HttpResponse<String> health = admin.get("/healthcheck");
              assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
              JsonNode checks = json(health);
              assertThat(checks.path("database").path("healthy").asBoolean()).isTrue();
              assertThat(checks.path("kafka").path("healthy").asBoolean()).isTrue();
              assertThat(checks.path("outbox").path("healthy").asBoolean()).isTrue();
            });
    assertThat(admin.get("/ping").body()).contains("pong");
    assertThat(admin.get("/metrics").statusCode()).isEqualTo(200);
    HttpResponse<String> prometheus = admin.get("/prometheus");
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body()).contains("outbox");
  }

  private String userId(String adminToken, String prefix) {
    JsonNode page = json(api.get("/api/v1/users?emailPrefix=" + prefix + "." + tag, adminToken));
    return page.path("items").get(0).path("id").asText();
  }

  private static Set<String> registeredIds(List<ConsumerRecord<String, String>> records) {
    Set<String> ids = new HashSet<>();
    for (ConsumerRecord<String, String> record : records) {
      if (UserRegistered.TYPE.equals(UsersTopic.typeOf(record))) {
        ids.add(record.key());
      }
    }
    return ids;
  }

  private static boolean hasRoleUpdate(List<ConsumerRecord<String, String>> records, String id) {
    return records.stream()
        .filter(r -> id.equals(r.key()))
        .filter(r -> UserUpdated.TYPE.equals(UsersTopic.typeOf(r)))
        .map(r -> EventJson.read(r.value(), UserUpdated.class).data())
        .anyMatch(u -> u.roles().contains("admin"));
  }
}
