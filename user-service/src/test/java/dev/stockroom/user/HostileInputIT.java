package dev.stockroom.user;

import static dev.stockroom.user.ApiClient.PASSWORD;
import static dev.stockroom.user.ApiClient.assertProblem;
import static dev.stockroom.user.ApiClient.credentials;
import static dev.stockroom.user.ApiClient.json;
import static dev.stockroom.user.ApiClient.registration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stockroom.devkit.H2Database;
import dev.stockroom.devkit.SharedKafka;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind: never a 5xx, always a problem document, and the database unchanged.
 * Where a fragment is a legitimate value (a password, a display name with quotes), it must be
 * stored verbatim, which is what "not injected" means.
 */
@ExtendWith(SharedKafka.class)
class HostileInputIT {
  @Order(1)
  @RegisterExtension
  static final H2Database DB = new H2Database();

  @Order(2)
  @RegisterExtension
  static final DropwizardAppExtension<UserServiceConfiguration> APP =
      TestApps.app(DB::jdbcUrl, DB::user, DB::password, TestApps.Dirs.create());

  static final List<String> SQL =
      List.of(
          "' OR '1'='1",
          "'; DROP TABLE users; --",
          "\" OR \"\"=\"",
          "1; DELETE FROM refresh_tokens",
          "admin'--",
          "%' UNION SELECT password_hash FROM users --",
          "\\'; TRUNCATE outbox_events; --");

  static final List<String> SCRIPT =
      List.of(
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "javascript:alert(1)//<svg/onload=alert(1)>",
          "{{7*7}}<b>${7*7}</b>",
          "\u0000\u0007\r\nX-Injected: yes");

  private static ApiClient api;
  private static Jdbi db;
  private static String customerToken;
  private static String adminToken;
  private static String customerId;

  @BeforeAll
  static void accounts() {
    api = new ApiClient(APP.getLocalPort());
    db = Jdbi.create(DB.jdbcUrl(), DB.user(), DB.password());
    customerId = api.register("customer@example.com", "Customer").path("id").asText();
    customerToken = api.accessToken("customer@example.com");
    Commands.Result admin =
        Commands.run(
            PASSWORD + "\n", "create-admin", "--email", "admin@example.com", TestApps.CONFIG);
    assertThat(admin.success()).as(admin.stderr()).isTrue();
    adminToken = api.accessToken("admin@example.com");
  }

  static Stream<String> fragments() {
    return Stream.concat(SQL.stream(), SCRIPT.stream());
  }

  static Stream<String> malformedBodies() {
    return Stream.of(
        "",
        "{",
        "{\"email\":",
        "not json",
        "[]",
        "null",
        "42",
        "\"a string\"",
        "{\"email\":\"a@example.com\",}",
        "{\"email\":\"a@example.com\"}{\"email\":\"b@example.com\"}",
        "{\"email\":\"a@example.com\",\"email\":\"b@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"D\"}",
        "\u0000\u0001\u0002",
        "{\"email\":\"\\ud800\"}");
  }

  @ParameterizedTest
  @MethodSource("malformedBodies")
  void malformedJsonIsABadRequest(String body) {
    assertRejectedWithoutChange(() -> api.post("/api/v1/users", body), 400, 422);
  }

  static Stream<String> wrongTypes() {
    return Stream.of(
        "{\"email\":5,\"password\":\"correct horse battery\",\"displayName\":\"D\"}",
        "{\"email\":\"t1@example.com\",\"password\":true,\"displayName\":\"D\"}",
        "{\"email\":\"t2@example.com\",\"password\":\"correct horse battery\",\"displayName\":[\"D\"]}",
        "{\"email\":{\"$ne\":null},\"password\":\"correct horse battery\",\"displayName\":\"D\"}",
        "{\"email\":\"t3@example.com\",\"password\":123456789012,\"displayName\":\"D\"}",
        "{\"email\":\"t4@example.com\",\"password\":\"correct horse battery\",\"displayName\":1.5}");
  }

  @ParameterizedTest
  @MethodSource("wrongTypes")
  void wrongTypesAreRejected(String body) {
    assertRejectedWithoutChange(() -> api.post("/api/v1/users", body), 400, 422);
  }

  static Stream<String> missingOrUnknownFields() {
    return Stream.of(
        "{}",
        "{\"password\":\"correct horse battery\",\"displayName\":\"D\"}",
        "{\"email\":\"m1@example.com\",\"displayName\":\"D\"}",
        "{\"email\":\"m2@example.com\",\"password\":\"correct horse battery\"}",
        "{\"email\":null,\"password\":null,\"displayName\":null}",
        "{\"email\":\"u1@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"D\",\"roles\":[\"admin\"]}",
        "{\"email\":\"u2@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"D\",\"id\":\""
            + UUID.randomUUID()
            + "\"}",
        "{\"email\":\"u3@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"D\",\"passwordHash\":\"x\"}");
  }

  @ParameterizedTest
  @MethodSource("missingOrUnknownFields")
  void missingAndUnknownFieldsAreRejected(String body) {
    assertRejectedWithoutChange(() -> api.post("/api/v1/users", body), 422);
  }

  @Test
  void rolesCannotBeSetAtRegistration() {
    JsonNode problem =
        assertRejectedWithoutChange(
            () ->
                api.post(
                    "/api/v1/users",
                    "{\"email\":\"sneaky@example.com\",\"password\":\"correct horse battery\","
                        + "\"displayName\":\"Sneaky\",\"roles\":[\"admin\"]}"),
            422);
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("roles");
  }

  @Test
  void oversizedBodiesAreRefusedBeforeParsing() {
    String huge = registration("big@example.com", PASSWORD, "x".repeat(200 * 1024));
    assertRejectedWithoutChange(() -> api.post("/api/v1/users", huge), 413);
  }

  @Test
  void wrongContentTypesAreUnsupported() {
    String body = registration("ct@example.com", PASSWORD, "Ct");
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "application/octet-stream")) {
      assertRejectedWithoutChange(
          () -> api.send("POST", "/api/v1/users", type, body, Map.of()), 415);
    }
    assertRejectedWithoutChange(() -> api.send("POST", "/api/v1/users", null, body, Map.of()), 415);
  }

  @ParameterizedTest
  @MethodSource("fragments")
  void fragmentsInTheEmailAreRejectedOrStoredVerbatim(String fragment) {
    assertRejectedWithoutChange(
        () -> api.post("/api/v1/users", registration(fragment, PASSWORD, "D")), 422);
    // Quotes, hyphens and the like are legal in the local part (o'brien@...): such an address
    // is either rejected or stored exactly as sent.
    String email = fragment + "@example.com";
    long before = users();
    HttpResponse<String> response = api.post("/api/v1/users", registration(email, PASSWORD, "D"));
    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    if (response.statusCode() == 201) {
      assertThat(json(response).path("email").asText()).isEqualTo(email);
      assertThat(users()).isEqualTo(before + 1);
    } else {
      assertProblem(response, 422);
      assertThat(users()).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @MethodSource("fragments")
  void fragmentsInTheDisplayNameAreRejectedOrStoredVerbatim(String fragment) {
    String email = "name-" + UUID.randomUUID() + "@example.com";
    long before = users();
    HttpResponse<String> response =
        api.post("/api/v1/users", registration(email, PASSWORD, fragment));

    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    if (response.statusCode() == 201) {
      assertThat(storedDisplayName(email)).isEqualTo(fragment.strip());
      assertThat(users()).isEqualTo(before + 1);
    } else {
      assertProblem(response, 422);
      assertThat(users()).isEqualTo(before);
    }
    if (SCRIPT.contains(fragment)) {
      assertThat(response.statusCode()).isEqualTo(422);
    }
  }

  @ParameterizedTest
  @MethodSource("fragments")
  void fragmentsAsPasswordsAreJustPasswords(String fragment) {
    String password =
        (fragment + " padding to twelve").substring(0, Math.max(12, fragment.length()));
    String email = "pw-" + UUID.randomUUID() + "@example.com";
    api.register(email, "Pw");

    // A fragment never logs anyone in...
    assertRejectedWithoutChange(
        () -> api.post("/api/v1/auth/token", credentials(email, password)), 401);
    assertRejectedWithoutChange(
        () -> api.post("/api/v1/auth/token", credentials(fragment, password)), 401);
    // ...and one chosen as a password is stored (hashed) and checked verbatim.
    HttpResponse<String> created =
        api.post("/api/v1/users", registration("own-" + email, password, "Own"));
    if (created.statusCode() == 201) {
      assertThat(api.login("own-" + email, password).path("accessToken").asText()).isNotBlank();
    } else {
      assertProblem(created, 422);
    }
  }

  @ParameterizedTest
  @MethodSource("fragments")
  void fragmentsInRefreshTokensAreUnauthorized(String fragment) {
    assertRejectedWithoutChange(
        () -> api.post("/api/v1/auth/refresh", ApiClient.refreshToken(fragment)), 401);
    long before = revokedTokens();
    assertThat(api.post("/api/v1/auth/logout", ApiClient.refreshToken(fragment)).statusCode())
        .isEqualTo(204);
    assertThat(revokedTokens()).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("fragments")
  void fragmentsInProfileUpdatesAreRejectedOrStoredVerbatim(String fragment) {
    ObjectNode wrongCurrent = ApiClient.JSON.createObjectNode();
    wrongCurrent.put("currentPassword", fragment);
    wrongCurrent.put("newPassword", "another long password");
    // 429 once the account's password-check budget is spent: also a refusal that changes nothing.
    assertRejectedWithoutChange(
        () -> api.patch("/api/v1/users/me", wrongCurrent.toString(), customerToken, null),
        422,
        429);

    ObjectNode newPassword = ApiClient.JSON.createObjectNode();
    newPassword.put("newPassword", fragment);
    assertRejectedWithoutChange(
        () -> api.patch("/api/v1/users/me", newPassword.toString(), customerToken, null), 422);

    if (fragment.chars().noneMatch(Character::isISOControl)) {
      // (HTTP clients refuse control characters in header values, so only the others go as
      // If-Match.)
      assertRejectedWithoutChange(
          () -> api.patch("/api/v1/users/me", "{\"displayName\":\"X\"}", customerToken, fragment),
          412);
    }

    ObjectNode name = ApiClient.JSON.createObjectNode();
    name.put("displayName", fragment);
    HttpResponse<String> renamed =
        api.patch("/api/v1/users/me", name.toString(), customerToken, null);
    assertThat(renamed.statusCode()).as(renamed.body()).isLessThan(500);
    if (renamed.statusCode() == 200) {
      assertThat(json(renamed).path("displayName").asText()).isEqualTo(fragment.strip());
    } else {
      assertProblem(renamed, 422);
    }
  }

  @ParameterizedTest
  @MethodSource("fragments")
  void fragmentsInAdminInputsChangeNothing(String fragment) {
    assertRejectedWithoutChange(
        () ->
            api.put(
                "/api/v1/users/" + customerId + "/roles",
                "{\"roles\":[" + ApiClient.JSON.valueToTree(fragment) + "]}",
                adminToken),
        422);
    String encoded = URLEncoder.encode(fragment, StandardCharsets.UTF_8);
    HttpResponse<String> filtered = api.get("/api/v1/users?emailPrefix=" + encoded, adminToken);
    assertThat(filtered.statusCode()).as(filtered.body()).isEqualTo(200);
    // The prefix is matched literally: only addresses that really start with it, if any.
    String prefix = fragment.strip().toLowerCase(java.util.Locale.ROOT);
    assertThat(json(filtered).path("items"))
        .allSatisfy(
            u ->
                assertThat(u.path("email").asText().toLowerCase(java.util.Locale.ROOT))
                    .startsWith(prefix));
    assertRejectedWithoutChange(() -> api.get("/api/v1/users?cursor=" + encoded, adminToken), 400);
    assertRejectedWithoutChange(() -> api.get("/api/v1/users/" + encoded, adminToken), 400, 404);
  }

  @Test
  void badPagingParametersAreBadRequests() {
    for (String query :
        List.of("limit=0", "limit=101", "limit=abc", "limit=-1", "cursor=%00", "limit=1.5")) {
      assertRejectedWithoutChange(() -> api.get("/api/v1/users?" + query, adminToken), 400);
    }
  }

  @Test
  void badRoleListsAreRejected() {
    for (String body :
        List.of(
            "{\"roles\":[]}",
            "{\"roles\":null}",
            "{}",
            "{\"roles\":\"admin\"}",
            "{\"roles\":[\"root\"]}",
            "{\"roles\":[null]}",
            "{\"roles\":[\"admin\"],\"extra\":1}")) {
      HttpResponse<String> response =
          api.put("/api/v1/users/" + customerId + "/roles", body, adminToken);
      assertThat(response.statusCode()).as(body).isIn(400, 422);
      assertProblem(response, response.statusCode());
    }
    assertThat(json(api.get("/api/v1/users/" + customerId, adminToken)).path("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("customer");
  }

  @Test
  void unknownPathsAndMethodsAreProblems() {
    assertProblem(api.get("/api/v1/nothing-here"), 404);
    assertProblem(
        api.send(
            "DELETE",
            "/api/v1/users/me",
            null,
            null,
            Map.of("Authorization", "Bearer " + customerToken)),
        405);
  }

  private JsonNode assertRejectedWithoutChange(
      java.util.function.Supplier<HttpResponse<String>> request, int... allowed) {
    long users = users();
    long events = outboxEvents();
    long tokens = refreshTokens();
    HttpResponse<String> response = request.get();
    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    assertThat(List.of(box(allowed))).as(response.body()).contains(response.statusCode());
    JsonNode problem = assertProblem(response, response.statusCode());
    assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("SQL");
    assertThat(users()).isEqualTo(users);
    assertThat(outboxEvents()).isEqualTo(events);
    assertThat(refreshTokens()).isEqualTo(tokens);
    return problem;
  }

  private static Integer[] box(int[] values) {
    return java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
  }

  private static long users() {
    return count("SELECT count(*) FROM users");
  }

  private static long outboxEvents() {
    return count("SELECT count(*) FROM outbox_events");
  }

  private static long refreshTokens() {
    return count("SELECT count(*) FROM refresh_tokens");
  }

  private static long revokedTokens() {
    return count("SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NOT NULL");
  }

  private static long count(String sql) {
    return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static String storedDisplayName(String email) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT display_name FROM users WHERE email_normalized = :e")
                .bind("e", email.toLowerCase(java.util.Locale.ROOT))
                .mapTo(String.class)
                .one());
  }
}
