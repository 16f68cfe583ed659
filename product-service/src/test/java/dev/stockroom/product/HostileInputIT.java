package dev.stockroom.product;

import static dev.stockroom.devkit.HttpApi.assertProblem;
import static dev.stockroom.devkit.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stockroom.devkit.H2Database;
import dev.stockroom.devkit.HttpApi;
import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.devkit.TestTokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * Bad input and forged tokens: never a 5xx, always a problem document, and the database (products,
 * stock, history, outbox) unchanged. Where a fragment is a legitimate value (a name with quotes),
 * it must be stored verbatim, which is what "not injected" means.
 */
@ExtendWith(SharedKafka.class)
class HostileInputIT {
  private static final String PRODUCTS = "/api/v1/products";

  @Order(1)
  @RegisterExtension
  static final H2Database DB = new H2Database();

  @Order(2)
  @RegisterExtension
  static final DropwizardAppExtension<ProductServiceConfiguration> APP =
      TestApps.app(DB::jdbcUrl, DB::user, DB::password);

  static final List<String> SQL =
      List.of(
          "' OR '1'='1",
          "'; DROP TABLE products; --",
          "\" OR \"\"=\"",
          "1; DELETE FROM stock_levels",
          "%' UNION SELECT sku FROM products --",
          "\\'; TRUNCATE outbox_events; --",
          "%_%");

  private static HttpApi api;
  private static Jdbi db;
  private static String admin;
  private static String productId;

  @BeforeAll
  static void product() {
    api = new HttpApi(APP.getLocalPort());
    db = Jdbi.create(DB.jdbcUrl(), DB.user(), DB.password());
    admin = TestApps.adminToken();
    HttpResponse<String> created =
        api.post(PRODUCTS, ProductFlowContract.productJson("BASE-1", "Base", 500, "EUR"), admin);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    productId = json(created).path("id").asText();
    assertThat(
            api.put(PRODUCTS + "/" + productId + "/stock", "{\"onHand\":10}", admin, "\"0\"")
                .statusCode())
        .isEqualTo(200);
  }

  static Stream<String> badProducts() {
    return Stream.of(
        // prices: negative, fractional, as text, too large, not a number, missing, null
        body("priceMinor", "-1"),
        body("priceMinor", "12.5"),
        body("priceMinor", "\"1299\""),
        body("priceMinor", "1e3"),
        body("priceMinor", "1000000000001"),
        body("priceMinor", "99999999999999999999999"),
        body("priceMinor", "true"),
        body("priceMinor", "null"),
        // currencies
        body("currency", "\"XYZ\""),
        body("currency", "\"EURO\""),
        body("currency", "\"\""),
        body("currency", "\"€\""),
        body("currency", "978"),
        body("currency", "null"),
        // sizes and shapes
        body("name", "\"" + "n".repeat(201) + "\""),
        body("name", "\"   \""),
        body("name", "\"tab\\u0007bell\""),
        body("description", "\"" + "d".repeat(2001) + "\""),
        body("sku", "\"" + "S".repeat(65) + "\""),
        body("sku", "\"has space\""),
        body("sku", "\"-leading\""),
        body("active", "\"yes\""),
        // unknown and server-owned fields
        body("id", "\"" + UUID.randomUUID() + "\""),
        body("version", "7"),
        body("available", "5"),
        "{}",
        "[]",
        "null",
        "{\"sku\":",
        "not json",
        "{\"sku\":\"A\",\"sku\":\"B\",\"name\":\"N\",\"priceMinor\":1,\"currency\":\"EUR\"}");
  }

  private static String body(String field, String rawValue) {
    ObjectNode valid = HttpApi.JSON.createObjectNode();
    valid.put("sku", "NEW-" + UUID.randomUUID().toString().substring(0, 8));
    valid.put("name", "New product");
    valid.put("priceMinor", 100);
    valid.put("currency", "EUR");
    String json = valid.toString();
    if (valid.has(field)) {
      valid.remove(field);
      json = valid.toString();
    }
    return json.substring(0, json.length() - 1) + ",\"" + field + "\":" + rawValue + "}";
  }

  @ParameterizedTest
  @MethodSource("badProducts")
  void badProductsAreRejectedOnCreateReplaceAndPatch(String body) {
    assertRejectedWithoutChange(() -> api.post(PRODUCTS, body, admin), 400, 422);
    assertRejectedWithoutChange(
        () -> api.put(PRODUCTS + "/" + productId, body, admin, "\"1\""), 400, 422);
    // In a merge patch null means "leave as is" and {} changes nothing, so those are valid there.
    if (!body.startsWith("{\"sku\":\"A\"") && !body.equals("{}") && !body.endsWith(":null}")) {
      assertRejectedWithoutChange(
          () -> api.patch(PRODUCTS + "/" + productId, body, admin, "\"1\""), 400, 422);
    }
  }

  @Test
  void oversizedBodiesAreRefusedBeforeParsing() {
    String huge = body("description", "\"" + "x".repeat(200 * 1024) + "\"");
    assertRejectedWithoutChange(() -> api.post(PRODUCTS, huge, admin), 413);
  }

  @Test
  void wrongContentTypesAreUnsupported() {
    String body = ProductFlowContract.productJson("CT-1", "Ct", 1, "EUR");
    for (String type : List.of("text/plain", "application/xml", "application/octet-stream")) {
      assertRejectedWithoutChange(
          () -> api.send("POST", PRODUCTS, type, body, Map.of("Authorization", "Bearer " + admin)),
          415);
    }
  }

  static Stream<String> badStock() {
    return Stream.of(
        "{\"onHand\":-1}",
        "{\"onHand\":1.5}",
        "{\"onHand\":\"10\"}",
        "{\"onHand\":null}",
        "{\"onHand\":1000000000001}",
        "{}",
        "{\"onHand\":5,\"version\":3}");
  }

  @ParameterizedTest
  @MethodSource("badStock")
  void badStockLevelsAreRejected(String body) {
    assertRejectedWithoutChange(
        () -> api.put(PRODUCTS + "/" + productId + "/stock", body, admin, "\"1\""), 400, 422);
  }

  static Stream<String> badAdjustments() {
    return Stream.of(
        "{\"delta\":0,\"reason\":\"r\"}",
        "{\"delta\":1.5,\"reason\":\"r\"}",
        "{\"delta\":\"-2\",\"reason\":\"r\"}",
        "{\"delta\":2}",
        "{\"delta\":2,\"reason\":\"  \"}",
        "{\"delta\":2,\"reason\":\"" + "r".repeat(201) + "\"}",
        "{\"delta\":-1000000000001,\"reason\":\"r\"}",
        "{\"delta\":2,\"reason\":\"r\",\"onHand\":99}");
  }

  @ParameterizedTest
  @MethodSource("badAdjustments")
  void badAdjustmentsAreRejected(String body) {
    assertRejectedWithoutChange(
        () -> api.post(PRODUCTS + "/" + productId + "/stock/adjustments", body, admin), 400, 422);
  }

  @Test
  void anAdjustmentBelowZeroIsAConflictNamingTheCurrentLevel() {
    JsonNode problem =
        assertRejectedWithoutChange(
            () ->
                api.post(
                    PRODUCTS + "/" + productId + "/stock/adjustments",
                    "{\"delta\":-11,\"reason\":\"lost\"}",
                    admin),
            409);
    assertThat(problem.path("detail").asText()).contains("On hand is 10");
  }

  @Test
  void badListParametersAreBadRequests() {
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add(UUID.randomUUID().toString());
    }
    for (String query :
        List.of(
            "ids=" + String.join(",", tooMany),
            "ids=not-a-uuid",
            "ids=" + UUID.randomUUID() + ",1%20OR%201%3D1",
            "limit=0",
            "limit=101",
            "limit=abc",
            "limit=1.5",
            "cursor=%00",
            "cursor=not-a-cursor",
            "cursor=" + "A".repeat(600),
            // valid base64url JSON, but not a cursor this endpoint issued
            "cursor=WyJhIiwiYiJd",
            "active=maybe",
            "q=" + "q".repeat(101))) {
      assertRejectedWithoutChange(() -> api.get(PRODUCTS + "?" + query), 400);
    }
  }

  static Stream<String> fragments() {
    return SQL.stream();
  }

  @ParameterizedTest
  @MethodSource("fragments")
  void sqlFragmentsChangeNothingAndAreMatchedLiterally(String fragment) {
    String encoded = URLEncoder.encode(fragment, StandardCharsets.UTF_8);
    HttpResponse<String> search = api.get(PRODUCTS + "?q=" + encoded);
    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
    String needle = fragment.strip().toLowerCase(java.util.Locale.ROOT);
    assertThat(json(search).path("items"))
        .allSatisfy(
            p ->
                assertThat(p.path("name").asText().toLowerCase(java.util.Locale.ROOT))
                    .contains(needle));
    assertRejectedWithoutChange(() -> api.get(PRODUCTS + "?cursor=" + encoded), 400);
    assertRejectedWithoutChange(() -> api.get(PRODUCTS + "?ids=" + encoded), 400);
    // Jetty itself refuses some percent-encodings in paths (400); either way nothing is found.
    assertRejectedWithoutChange(() -> api.get(PRODUCTS + "/by-sku/" + encoded), 400, 404);
    assertRejectedWithoutChange(() -> api.get(PRODUCTS + "/" + encoded), 400, 404);
    assertRejectedWithoutChange(
        () -> api.post(PRODUCTS, body("sku", HttpApi.JSON.valueToTree(fragment).toString()), admin),
        422);
    assertRejectedWithoutChange(
        () ->
            api.post(
                PRODUCTS, body("currency", HttpApi.JSON.valueToTree(fragment).toString()), admin),
        422);
    assertRejectedWithoutChange(
        () -> api.patch(PRODUCTS + "/" + productId, "{\"priceMinor\":1}", admin, fragment), 412);

    // As a name it is legitimate text: stored and returned exactly as sent.
    long before = count("SELECT count(*) FROM products");
    HttpResponse<String> created =
        api.post(PRODUCTS, body("name", HttpApi.JSON.valueToTree(fragment).toString()), admin);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created).path("name").asText()).isEqualTo(fragment.strip());
    assertThat(count("SELECT count(*) FROM products")).isEqualTo(before + 1);
    String id = json(created).path("id").asText();
    assertThat(json(api.get(PRODUCTS + "/" + id)).path("name").asText())
        .isEqualTo(fragment.strip());
  }

  static Stream<Arguments> attacks() {
    TestTokens tokens = TestApps.TOKENS;
    return Stream.of(
        attack("alg none", s -> tokens.algNone(s, "admin")),
        attack("HS256 with the public key", s -> tokens.hs256SignedWithPublicKey(s, "admin")),
        attack("expired", s -> tokens.expired(s, "admin")),
        attack("not yet valid", s -> tokens.notYetValid(s, "admin")),
        attack("wrong issuer", s -> tokens.wrongIssuer(s, "admin")),
        attack("wrong audience", s -> tokens.wrongAudience(s, "admin")),
        attack("unknown kid", s -> tokens.unknownKid(s, "admin")),
        attack("tampered payload", s -> tokens.tamperedPayload(s, "customer")),
        attack(
            "another key under our kid",
            s -> TestTokens.create().builder().kid(tokens.kid()).subject(s).roles("admin").build()),
        attack("garbage", s -> "not.a.jwt"));
  }

  private static Arguments attack(String name, Function<UUID, String> token) {
    return Arguments.of(name, token);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void forgedTokensAreUnauthorizedOnEveryAdminEndpoint(String name, Function<UUID, String> forge) {
    String token = forge.apply(UUID.randomUUID());
    String body = ProductFlowContract.productJson("FORGED-1", "Forged", 1, "EUR");
    for (Supplier<HttpResponse<String>> call :
        List.<Supplier<HttpResponse<String>>>of(
            () -> api.post(PRODUCTS, body, token),
            () -> api.put(PRODUCTS + "/" + productId, body, token, "\"1\""),
            () -> api.delete(PRODUCTS + "/" + productId, token),
            () -> api.get(PRODUCTS + "/" + productId + "/stock", token),
            () ->
                api.post(
                    PRODUCTS + "/" + productId + "/stock/adjustments",
                    "{\"delta\":-10,\"reason\":\"stolen\"}",
                    token))) {
      JsonNode problem = assertRejectedWithoutChange(call, 401);
      assertThat(problem.path("status").asInt()).as(name).isEqualTo(401);
    }
  }

  @Test
  void aValidTokenFromTheTrustedKeyIsAccepted() {
    assertThat(api.get(PRODUCTS + "/" + productId + "/stock", admin).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownPathsAndMethodsAreProblems() {
    assertProblem(api.get("/api/v1/nothing-here"), 404);
    assertProblem(api.get(PRODUCTS + "/" + UUID.randomUUID()), 404);
    assertProblem(
        api.send(
            "POST",
            PRODUCTS + "/" + productId,
            "application/json",
            "{}",
            Map.of("Authorization", "Bearer " + admin)),
        405);
  }

  private static JsonNode assertRejectedWithoutChange(
      Supplier<HttpResponse<String>> request, int... allowed) {
    List<Long> before = state();
    HttpResponse<String> response = request.get();
    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    assertThat(Arrays.stream(allowed).boxed().toList())
        .as(response.body())
        .contains(response.statusCode());
    JsonNode problem = assertProblem(response, response.statusCode());
    assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("SQL");
    assertThat(state()).isEqualTo(before);
    return problem;
  }

  /** Everything a request could have changed. */
  private static List<Long> state() {
    return List.of(
        count("SELECT count(*) FROM products"),
        count("SELECT coalesce(sum(version), 0) FROM products"),
        count("SELECT coalesce(sum(on_hand), 0) FROM stock_levels"),
        count("SELECT coalesce(sum(version), 0) FROM stock_levels"),
        count("SELECT count(*) FROM stock_changes"),
        count("SELECT count(*) FROM outbox_events"));
  }

  private static long count(String sql) {
    return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
