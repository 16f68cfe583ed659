package dev.stockroom.order;

import static dev.stockroom.order.ApiClient.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.H2Database;
import dev.stockroom.devkit.SharedKafka;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Bad input of every kind: never a 5xx, always a problem document with the expected status, and no
 * order, payment, idempotency key or outbox row is written.
 */
@ExtendWith(SharedKafka.class)
class HostileInputIT {
  @Order(1)
  @RegisterExtension
  static final H2Database DB = new H2Database();

  @Order(2)
  @RegisterExtension
  static final DropwizardAppExtension<OrderServiceConfiguration> APP =
      TestApps.app(DB::jdbcUrl, DB::user, DB::password);

  private static ApiClient api;
  private static Jdbi db;
  private static UUID owner;
  private static String token;
  private static UUID product;
  private static UUID other;
  private static String confirmed;

  @BeforeAll
  static void anOrder() {
    api = new ApiClient(APP.getLocalPort());
    db = Jdbi.create(DB.jdbcUrl(), DB.user(), DB.password());
    owner = UUID.randomUUID();
    token = ApiClient.customer(owner);
    product = UUID.randomUUID();
    other = UUID.randomUUID();
    Streams.sendProduct(Streams.product(product, 100, "EUR", 1));
    Streams.sendProduct(Streams.product(other, 100, "EUR", 1));
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        // The shared broker's products.v1 holds other classes' products too: wait for ours.
        .until(() -> inReplica(product) && inReplica(other));
    confirmed = api.place(token, product, 1).path("id").asText();
    Streams.sendStatus(Streams.confirmed(UUID.fromString(confirmed)));
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> api.status(token, confirmed).equals("CONFIRMED"));
  }

  static boolean inReplica(UUID id) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM product_replica WHERE product_id = :id")
                    .bind("id", id)
                    .mapTo(Integer.class)
                    .one()
                == 1);
  }

  static int count(String table) {
    return db.withHandle(
        h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
  }

  static String lines(int n, String quantity) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add("{\"productId\":\"" + UUID.randomUUID() + "\",\"quantity\":" + quantity + "}");
    }
    return "{\"lines\":[" + String.join(",", lines) + "]}";
  }

  static String line(String productId, String quantity) {
    return "{\"lines\":[{\"productId\":" + productId + ",\"quantity\":" + quantity + "}]}";
  }

  static Stream<Arguments> badOrders() {
    String p = "\"" + UUID.randomUUID() + "\"";
    return Stream.of(
        Arguments.of("no lines", "{\"lines\":[]}", List.of(422)),
        Arguments.of("51 lines", lines(51, "1"), List.of(422)),
        Arguments.of("lines missing", "{}", List.of(422)),
        Arguments.of("lines null", "{\"lines\":null}", List.of(422)),
        Arguments.of("a null line", "{\"lines\":[null]}", List.of(422)),
        Arguments.of("zero quantity", line(p, "0"), List.of(422)),
        Arguments.of("negative quantity", line(p, "-5"), List.of(422)),
        Arguments.of("quantity over 1000", line(p, "1001"), List.of(422)),
        Arguments.of("quantity beyond int", line(p, "99999999999"), List.of(400)),
        Arguments.of("quantity beyond long", line(p, "1" + "0".repeat(40)), List.of(400)),
        Arguments.of("fractional quantity", line(p, "1.5"), List.of(400)),
        Arguments.of("quantity as a string", line(p, "\"5\""), List.of(400)),
        Arguments.of("quantity missing", "{\"lines\":[{\"productId\":" + p + "}]}", List.of(422)),
        Arguments.of(
            "duplicate products",
            "{\"lines\":[{\"productId\":"
                + p
                + ",\"quantity\":1},{\"productId\":"
                + p
                + ",\"quantity\":2}]}",
            List.of(422)),
        Arguments.of("malformed product id", line("\"not-a-uuid\"", "1"), List.of(400)),
        Arguments.of("numeric product id", line("42", "1"), List.of(400)),
        Arguments.of("empty product id", line("\"\"", "1"), List.of(400, 422)),
        Arguments.of("product id missing", "{\"lines\":[{\"quantity\":1}]}", List.of(422)),
        Arguments.of(
            "unknown top-level field", "{\"lines\":[],\"userId\":" + p + "}", List.of(422)),
        Arguments.of(
            "unknown line field",
            "{\"lines\":[{\"productId\":" + p + ",\"quantity\":1,\"unitPriceMinor\":0}]}",
            List.of(422)),
        Arguments.of("lines not an array", "{\"lines\":\"all\"}", List.of(400)),
        Arguments.of("malformed JSON", "{\"lines\":[", List.of(400)),
        Arguments.of("not JSON", "lines please", List.of(400)),
        Arguments.of("empty body", "", List.of(400, 422)),
        Arguments.of("JSON null", "null", List.of(400, 422)),
        Arguments.of("trailing tokens", "{\"lines\":[]}{}", List.of(400)),
        Arguments.of("oversized body", lines(1500, "1"), List.of(413)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOrders")
  void badOrdersAreRefusedAndChangeNothing(String name, String body, List<Integer> expected) {
    assertRefusedWithoutChange(() -> api.post("/api/v1/orders", body, token), expected);
  }

  @Test
  void unknownProductIsRefusedAndChangesNothing() {
    assertRefusedWithoutChange(
        () -> api.post("/api/v1/orders", order(UUID.randomUUID(), 1), token, "unknown"),
        List.of(422));
    // The key was not kept: the same key works once the request is valid.
    assertThat(api.post("/api/v1/orders", order(product, 1), token, "unknown").statusCode())
        .isEqualTo(201);
  }

  @Test
  void badIdempotencyKeysAreRefused() {
    assertRefusedWithoutChange(
        () -> api.post("/api/v1/orders", order(product, 1), token, "x".repeat(256)), List.of(400));
    assertRefusedWithoutChange(
        () -> api.post("/api/v1/orders", order(product, 1), token, "with space"), List.of(400));
  }

  @Test
  void wrongContentTypeIsRefused() {
    assertRefusedWithoutChange(
        () ->
            api.send(
                "POST",
                "/api/v1/orders",
                "text/plain",
                order(product, 1),
                Map.of("Authorization", "Bearer " + token)),
        List.of(415));
  }

  static Stream<Arguments> badPaths() {
    return Stream.of(
        Arguments.of("GET", "/api/v1/orders/not-a-uuid", List.of(404)),
        Arguments.of("GET", "/api/v1/orders/' OR '1'='1", List.of(400, 404)),
        Arguments.of("POST", "/api/v1/orders/not-a-uuid/cancel", List.of(404)),
        Arguments.of("POST", "/api/v1/orders/12345/payments", List.of(404)),
        Arguments.of("GET", "/api/v1/orders?limit=0", List.of(400)),
        Arguments.of("GET", "/api/v1/orders?limit=101", List.of(400)),
        Arguments.of("GET", "/api/v1/orders?limit=abc", List.of(400)),
        Arguments.of("GET", "/api/v1/orders?userId=nope", List.of(400)),
        Arguments.of("GET", "/api/v1/orders?status=%27%3B%20DROP%20TABLE%20orders", List.of(400)),
        Arguments.of("GET", "/api/v1/orders?cursor=AAAA", List.of(400)),
        Arguments.of("DELETE", "/api/v1/orders", List.of(405)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badPaths")
  void badPathsAndParametersAreRefused(String method, String path, List<Integer> expected) {
    String encoded = path.replace(" ", "%20").replace("'", "%27");
    assertRefusedWithoutChange(
        () ->
            api.send(
                method,
                encoded,
                "application/json",
                method.equals("POST") ? "{\"cardToken\":\"tok_visa\"}" : null,
                Map.of("Authorization", "Bearer " + token, "Idempotency-Key", "k")),
        expected);
  }

  @Test
  void badWaitsAreRefused() {
    for (String wait : List.of("-1", "31", "abc", "1e9")) {
      assertRefusedWithoutChange(
          () -> api.get("/api/v1/orders/" + confirmed + "?wait=" + wait, token), List.of(400));
    }
  }

  static Stream<Arguments> badPayments() {
    return Stream.of(
        Arguments.of("no card token", "{}", List.of(422)),
        Arguments.of("null card token", "{\"cardToken\":null}", List.of(422)),
        Arguments.of("blank card token", "{\"cardToken\":\"  \"}", List.of(422)),
        Arguments.of(
            "huge card token", "{\"cardToken\":\"" + "t".repeat(300) + "\"}", List.of(422)),
        Arguments.of("card token not a string", "{\"cardToken\":4242}", List.of(400)),
        Arguments.of(
            "unknown field", "{\"cardToken\":\"tok_visa\",\"amountMinor\":1}", List.of(422)),
        Arguments.of("malformed JSON", "{\"cardToken\":", List.of(400)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPayments")
  void badPaymentsAreRefusedAndChangeNothing(String name, String body, List<Integer> expected) {
    assertRefusedWithoutChange(
        () -> api.post("/api/v1/orders/" + confirmed + "/payments", body, token, "pay-" + name),
        expected);
    assertThat(api.status(token, confirmed)).isEqualTo("CONFIRMED");
  }

  private static void assertRefusedWithoutChange(
      Supplier<HttpResponse<String>> request, List<Integer> expected) {
    int orders = count("orders");
    int lines = count("order_lines");
    int keys = count("idempotency_keys");
    int outbox = count("outbox_events");
    int payments = count("payments");

    HttpResponse<String> response = request.get();

    assertThat(response.statusCode()).as(response.body()).isLessThan(500).isIn(expected);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(count("orders")).isEqualTo(orders);
    assertThat(count("order_lines")).isEqualTo(lines);
    assertThat(count("idempotency_keys")).isEqualTo(keys);
    assertThat(count("outbox_events")).isEqualTo(outbox);
    assertThat(count("payments")).isEqualTo(payments);
  }
}
