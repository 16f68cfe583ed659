package dev.stockroom.order;

import static dev.stockroom.order.ApiClient.assertProblem;
import static dev.stockroom.order.ApiClient.card;
import static dev.stockroom.order.ApiClient.json;
import static dev.stockroom.order.ApiClient.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.OrderConfirmed;
import dev.stockroom.events.RejectedLine;
import dev.stockroom.events.RejectionReason;
import dev.stockroom.events.ReleaseCause;
import dev.stockroom.events.Topics;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole order flow over real HTTP, with the real broker carrying products.v1 and
 * order-status.v1 in and orders.v1 out; run on H2 and on PostgreSQL.
 */
abstract class OrderFlowContract {
  static final Duration DEADLINE = Duration.ofSeconds(30);

  abstract DropwizardAppExtension<OrderServiceConfiguration> app();

  abstract Jdbi db();

  ApiClient api;
  UUID alice;
  UUID bob;
  String aliceToken;
  String bobToken;
  String adminToken;
  UUID mug;
  UUID lamp;

  @BeforeEach
  void setUp() {
    api = new ApiClient(app().getLocalPort());
    alice = UUID.randomUUID();
    bob = UUID.randomUUID();
    aliceToken = ApiClient.customer(alice);
    bobToken = ApiClient.customer(bob);
    adminToken = ApiClient.admin(UUID.randomUUID());
    mug = product(1250, "EUR");
    lamp = product(4999, "EUR");
  }

  /** A product in the replica (sent on products.v1 and awaited). */
  UUID product(long priceMinor, String currency) {
    UUID id = UUID.randomUUID();
    Streams.sendProduct(Streams.product(id, priceMinor, currency, 1));
    awaitReplica(id, 1);
    return id;
  }

  void awaitReplica(UUID id, long version) {
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                db().withHandle(
                            h ->
                                h.createQuery(
                                        "SELECT count(*) FROM product_replica"
                                            + " WHERE product_id = :id AND version >= :v")
                                    .bind("id", id)
                                    .bind("v", version)
                                    .mapTo(Integer.class)
                                    .one())
                    == 1);
  }

  int orderCount(UUID userId) {
    return db().withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM orders WHERE user_id = :u")
                    .bind("u", userId)
                    .mapTo(Integer.class)
                    .one());
  }

  UUID id(JsonNode order) {
    return UUID.fromString(order.path("id").asText());
  }

  void awaitStatus(UUID orderId, String status) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> assertThat(api.status(aliceToken, orderId.toString())).isEqualTo(status));
  }

  UUID confirmedOrder() {
    UUID id = id(api.place(aliceToken, mug, 2));
    Streams.sendStatus(Streams.confirmed(id));
    awaitStatus(id, "CONFIRMED");
    return id;
  }

  // ---- placing

  @Test
  void placesAPendingOrderPricedFromTheReplicaAndPublishesOrderPlaced() {
    HttpResponse<String> response = api.post("/api/v1/orders", order(mug, 2, lamp, 3), aliceToken);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode order = json(response);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(
            l -> assertThat(l).endsWith("/api/v1/orders/" + order.path("id").asText()));
    assertThat(order.path("status").asText()).isEqualTo("PENDING");
    assertThat(order.path("userId").asText()).isEqualTo(alice.toString());
    assertThat(order.path("currency").asText()).isEqualTo("EUR");
    assertThat(order.path("totalMinor").asLong()).isEqualTo(2 * 1250 + 3 * 4999);
    assertThat(order.path("lines").get(0).path("unitPriceMinor").asLong()).isEqualTo(1250);
    assertThat(order.path("lines").get(1).path("lineTotalMinor").asLong()).isEqualTo(3 * 4999);
    assertThat(Streams.orderEventTypes(id(order), 1)).containsExactly("OrderPlaced");
  }

  @Test
  void theOrderPlacedEventCarriesTheTraceOfTheRequest() {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    HttpResponse<String> response =
        api.send(
            "POST",
            "/api/v1/orders",
            "application/json",
            order(mug, 1),
            Map.of(
                "Authorization",
                "Bearer " + aliceToken,
                "traceparent",
                "00-" + trace + "-00f067aa0ba902b7-01"));
    UUID id = id(json(response));

    ConsumerRecord<String, String> placed =
        SharedKafka.consumeUntil(
                Topics.ORDERS,
                records -> records.stream().anyMatch(r -> id.toString().equals(r.key())),
                DEADLINE)
            .stream()
            .filter(r -> id.toString().equals(r.key()))
            .findFirst()
            .orElseThrow();
    String traceparent =
        new String(placed.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
    assertThat(traceparent)
        .as("the same trace, in the span of order-service's handling")
        .startsWith("00-" + trace + "-")
        .isNotEqualTo("00-" + trace + "-00f067aa0ba902b7-01");
  }

  @Test
  void pricesAreSnapshottedWhenTheOrderIsPlaced() {
    UUID id = id(api.place(aliceToken, mug, 1));
    Streams.sendProduct(Streams.product(mug, 9999, "EUR", 2));
    awaitReplica(mug, 2);

    assertThat(api.order(aliceToken, id.toString()).path("totalMinor").asLong()).isEqualTo(1250);
    assertThat(api.place(aliceToken, mug, 1).path("totalMinor").asLong()).isEqualTo(9999);
  }

  @Test
  void replicaKeepsTheNewestVersionWhateverTheOrderOfEvents() {
    UUID id = UUID.randomUUID();
    Streams.sendProduct(Streams.product(id, 300, "EUR", 3));
    awaitReplica(id, 3);
    Streams.sendProduct(Streams.product(id, 100, "EUR", 1));
    Streams.sendProduct(Streams.product(id, 200, "EUR", 2));
    // A marker product sent afterwards on the same partition order proves the stale ones were read.
    UUID marker = product(1, "EUR");
    assertThat(marker).isNotNull();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(api.place(aliceToken, id, 1).path("totalMinor").asLong())
                    .isEqualTo(300));
  }

  @Test
  void unknownAndDiscontinuedProductsAreRejectedByNameAndNothingIsStored() {
    UUID unknown = UUID.randomUUID();
    Streams.sendProduct(Streams.discontinued(lamp, 2));
    awaitReplica(lamp, 2);

    JsonNode problem =
        assertProblem(
            api.post("/api/v1/orders", order(mug, 1, unknown, 1, lamp, 1), aliceToken), 422);

    assertThat(problem.path("detail").asText()).contains(unknown.toString(), lamp.toString());
    assertThat(problem.path("errors").toString())
        .contains("lines[1].productId", "lines[2].productId");
    assertThat(orderCount(alice)).isZero();
  }

  @Test
  void mixedCurrenciesAreRejected() {
    UUID dollars = product(500, "USD");

    assertProblem(api.post("/api/v1/orders", order(mug, 1, dollars, 1), aliceToken), 422);
    assertThat(orderCount(alice)).isZero();
  }

  // ---- idempotency

  @Test
  void sameKeyAndBodyReplaysTheFirstResponseWithoutASecondOrder() {
    HttpResponse<String> first = api.post("/api/v1/orders", order(mug, 1), aliceToken, "k-1");
    HttpResponse<String> again = api.post("/api/v1/orders", order(mug, 1), aliceToken, "k-1");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(orderCount(alice)).isEqualTo(1);
  }

  @Test
  void sameKeyWithAnotherBodyIsRejected() {
    assertThat(api.post("/api/v1/orders", order(mug, 1), aliceToken, "k-2").statusCode())
        .isEqualTo(201);

    JsonNode problem =
        assertProblem(api.post("/api/v1/orders", order(mug, 2), aliceToken, "k-2"), 422);

    assertThat(problem.path("errors").toString()).contains("Idempotency-Key");
    assertThat(orderCount(alice)).isEqualTo(1);
  }

  @Test
  void keysBelongToOneUser() {
    HttpResponse<String> aliceOrder = api.post("/api/v1/orders", order(mug, 1), aliceToken, "k-3");
    HttpResponse<String> bobOrder = api.post("/api/v1/orders", order(mug, 1), bobToken, "k-3");

    assertThat(bobOrder.statusCode()).isEqualTo(201);
    assertThat(json(bobOrder).path("id")).isNotEqualTo(json(aliceOrder).path("id"));
    assertThat(orderCount(bob)).isEqualTo(1);
  }

  @Test
  void fiftyConcurrentRequestsWithOneKeyCreateOneOrder() throws Exception {
    int clients = 50;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        responses.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.post("/api/v1/orders", order(mug, 3), aliceToken, "burst");
                }));
      }
      start.countDown();
      Set<String> bodies = new HashSet<>();
      for (Future<HttpResponse<String>> response : responses) {
        HttpResponse<String> r = response.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        bodies.add(r.body());
      }
      assertThat(bodies).hasSize(1);
      assertThat(orderCount(alice)).isEqualTo(1);
      UUID id =
          UUID.fromString(ApiClient.JSON.readTree(bodies.iterator().next()).path("id").asText());
      assertThat(Streams.orderEventTypes(id, 1)).containsExactly("OrderPlaced");
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- reading

  @Test
  void ownerAndAdminReadAnOrderAndOthersGet404() {
    UUID id = id(api.place(aliceToken, mug, 1));

    assertThat(api.order(aliceToken, id.toString()).path("id").asText()).isEqualTo(id.toString());
    assertThat(api.order(adminToken, id.toString()).path("id").asText()).isEqualTo(id.toString());
    assertProblem(api.get("/api/v1/orders/" + id, bobToken), 404);
    assertProblem(api.get("/api/v1/orders/" + UUID.randomUUID(), aliceToken), 404);
    assertProblem(api.get("/api/v1/orders/" + id, null), 401);
    HttpResponse<String> read = api.get("/api/v1/orders/" + id, aliceToken);
    assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
  }

  @Test
  void listsOwnOrdersNewestFirstWithStatusFilterAndCursor() {
    List<String> placed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      placed.add(api.place(aliceToken, mug, i + 1).path("id").asText());
    }
    api.place(bobToken, mug, 1);
    Streams.sendStatus(Streams.confirmed(UUID.fromString(placed.get(0))));
    awaitStatus(UUID.fromString(placed.get(0)), "CONFIRMED");

    HttpResponse<String> first = api.get("/api/v1/orders?limit=3", aliceToken);
    JsonNode page1 = json(first);
    assertThat(ids(page1)).containsExactly(placed.get(4), placed.get(3), placed.get(2));
    String link = first.headers().firstValue("Link").orElseThrow();
    assertThat(link).contains("rel=\"next\"");
    JsonNode page2 =
        json(
            api.get(
                "/api/v1/orders?limit=3&cursor=" + page1.path("nextCursor").asText(), aliceToken));
    assertThat(ids(page2)).containsExactly(placed.get(1), placed.get(0));
    assertThat(page2.path("nextCursor").isNull()).isTrue();

    assertThat(ids(json(api.get("/api/v1/orders?status=CONFIRMED", aliceToken))))
        .containsExactly(placed.get(0));
    assertThat(ids(json(api.get("/api/v1/orders?userId=" + alice, adminToken)))).hasSize(5);
    assertProblem(api.get("/api/v1/orders?userId=" + alice, bobToken), 403);
    assertProblem(api.get("/api/v1/orders?status=LOST", aliceToken), 400);
    assertProblem(api.get("/api/v1/orders?cursor=garbage", aliceToken), 400);
    assertProblem(api.get("/api/v1/orders", null), 401);
  }

  static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(o -> ids.add(o.path("id").asText()));
    return ids;
  }

  @Test
  void longPollReturnsAsSoonAsTheStatusChanges() throws Exception {
    UUID id = id(api.place(aliceToken, mug, 1));
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<String>> waiting =
        api.getAsync("/api/v1/orders/" + id + "?wait=25", aliceToken);
    // Let the request reach the server and park before the decision arrives.
    await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
    assertThat(waiting).isNotDone();
    Streams.sendStatus(Streams.confirmed(id));

    HttpResponse<String> response = waiting.get();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(json(response).path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(took).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void longPollSeesADecisionAppliedByAnotherReplica() throws Exception {
    UUID id = id(api.place(aliceToken, mug, 1));
    CompletableFuture<HttpResponse<String>> waiting =
        api.getAsync("/api/v1/orders/" + id + "?wait=25", aliceToken);
    await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
    long started = System.nanoTime();
    // Another replica's status consumer wrote the decision: no in-process notification here.
    db().useHandle(
            h ->
                h.createUpdate("UPDATE orders SET status = 'CONFIRMED', version = 2 WHERE id = :id")
                    .bind("id", id)
                    .execute());

    HttpResponse<String> response = waiting.get();

    assertThat(json(response).path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void longPollReturnsThePendingOrderWhenTheWaitEnds() {
    UUID id = id(api.place(aliceToken, mug, 1));
    long started = System.nanoTime();

    HttpResponse<String> response = api.get("/api/v1/orders/" + id + "?wait=2", aliceToken);

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("status").asText()).isEqualTo("PENDING");
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    assertProblem(api.get("/api/v1/orders/" + id + "?wait=31", aliceToken), 400);
    assertProblem(api.get("/api/v1/orders/" + id + "?wait=1", bobToken), 404);
    assertProblem(api.get("/api/v1/orders/" + UUID.randomUUID() + "?wait=1", aliceToken), 404);
    // A long poll answered 404 leaves no waiter behind, or anyone could grow the set at will.
    // Awaited: the timed-out poll above unsubscribes just after its answer is written.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(
                        app()
                            .getEnvironment()
                            .metrics()
                            .getGauges()
                            .get(OrderServiceApplication.LONG_POLL_GAUGE)
                            .getValue())
                    .isEqualTo(0));
  }

  @Test
  void longPollOnADecidedOrderAnswersAtOnce() {
    UUID id = confirmedOrder();
    long started = System.nanoTime();

    HttpResponse<String> response = api.get("/api/v1/orders/" + id + "?wait=20", aliceToken);

    assertThat(json(response).path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  // ---- status from the stream processor

  @Test
  void rejectionShowsTheReasonPerLine() {
    UUID id = id(api.place(aliceToken, mug, 1, lamp, 5));
    Streams.sendStatus(
        Streams.rejected(
            id,
            List.of(
                new RejectedLine(mug, 1, null),
                new RejectedLine(lamp, 5, RejectionReason.OUT_OF_STOCK))));
    awaitStatus(id, "REJECTED");

    JsonNode order = api.order(aliceToken, id.toString());
    assertThat(order.path("statusReason").asText()).isEqualTo("OUT_OF_STOCK");
    assertThat(order.path("lines").get(0).path("rejectionReason").isNull()).isTrue();
    assertThat(order.path("lines").get(1).path("rejectionReason").asText())
        .isEqualTo("OUT_OF_STOCK");
  }

  @Test
  void duplicateAndStaleStatusEventsChangeNothing() {
    UUID id = id(api.place(aliceToken, mug, 1));
    EventEnvelope<OrderConfirmed> confirmed = Streams.confirmed(id);
    Streams.sendStatus(confirmed);
    awaitStatus(id, "CONFIRMED");
    long version = api.order(aliceToken, id.toString()).path("version").asLong();

    Streams.sendStatus(confirmed);
    Streams.sendStatus(Streams.confirmed(id));
    Streams.sendStatus(
        Streams.rejected(id, List.of(new RejectedLine(mug, 1, RejectionReason.OUT_OF_STOCK))));
    Streams.sendStatus(Streams.released(id, ReleaseCause.EXPIRED));
    awaitStatus(id, "EXPIRED");
    // Events that arrive after the terminal state, in any order, change nothing.
    Streams.sendStatus(confirmed);
    Streams.sendStatus(Streams.released(id, ReleaseCause.CANCELLED));
    UUID marker = confirmedOrder();

    JsonNode order = api.order(aliceToken, id.toString());
    assertThat(marker).isNotEqualTo(id);
    assertThat(order.path("status").asText()).isEqualTo("EXPIRED");
    assertThat(order.path("version").asLong()).isEqualTo(version + 1);
  }

  @Test
  void releasedAsCancelledCancelsAPendingOrder() {
    UUID id = id(api.place(aliceToken, mug, 1));
    Streams.sendStatus(Streams.released(id, ReleaseCause.CANCELLED));
    awaitStatus(id, "CANCELLED");
  }

  @Test
  void statusEventsForUnknownOrdersAreIgnored() {
    Streams.sendStatus(Streams.confirmed(UUID.randomUUID()));
    UUID id = confirmedOrder();
    assertThat(api.status(aliceToken, id.toString())).isEqualTo("CONFIRMED");
  }

  // ---- cancelling

  @Test
  void cancellingAPendingOrderEmitsOrderCancelled() {
    UUID id = id(api.place(aliceToken, mug, 1));

    HttpResponse<String> response = api.post("/api/v1/orders/" + id + "/cancel", "", aliceToken);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).path("status").asText()).isEqualTo("CANCELLED");
    assertThat(Streams.orderEventTypes(id, 2)).containsExactly("OrderPlaced", "OrderCancelled");
    // Cancelling again answers with the cancelled order and emits nothing more.
    assertThat(api.post("/api/v1/orders/" + id + "/cancel", "", aliceToken).statusCode())
        .isEqualTo(200);
    // A late confirmation cannot revive it.
    Streams.sendStatus(Streams.confirmed(id));
    confirmedOrder();
    assertThat(api.status(aliceToken, id.toString())).isEqualTo("CANCELLED");
  }

  @Test
  void adminCancelsAConfirmedOrder() {
    UUID id = confirmedOrder();

    HttpResponse<String> response = api.post("/api/v1/orders/" + id + "/cancel", "", adminToken);

    assertThat(json(response).path("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void cancelHonoursIfMatch() {
    UUID id = confirmedOrder();

    assertProblem(
        api.send(
            "POST",
            "/api/v1/orders/" + id + "/cancel",
            null,
            null,
            Map.of("Authorization", "Bearer " + aliceToken, "If-Match", "\"1\"")),
        412);
    assertThat(api.status(aliceToken, id.toString())).isEqualTo("CONFIRMED");
    HttpResponse<String> cancelled =
        api.send(
            "POST",
            "/api/v1/orders/" + id + "/cancel",
            null,
            null,
            Map.of("Authorization", "Bearer " + aliceToken, "If-Match", "\"2\""));
    assertThat(json(cancelled).path("status").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.headers().firstValue("ETag")).hasValue("\"3\"");
  }

  @Test
  void paidRejectedAndExpiredOrdersCannotBeCancelled() {
    UUID paid = confirmedOrder();
    assertThat(
            api.post("/api/v1/orders/" + paid + "/payments", card("tok_visa"), aliceToken, "p")
                .statusCode())
        .isEqualTo(200);
    UUID rejected = id(api.place(aliceToken, mug, 1));
    Streams.sendStatus(
        Streams.rejected(
            rejected, List.of(new RejectedLine(mug, 1, RejectionReason.OUT_OF_STOCK))));
    UUID expired = confirmedOrder();
    Streams.sendStatus(Streams.released(expired, ReleaseCause.EXPIRED));
    awaitStatus(rejected, "REJECTED");
    awaitStatus(expired, "EXPIRED");

    for (UUID id : List.of(paid, rejected, expired)) {
      assertProblem(api.post("/api/v1/orders/" + id + "/cancel", "", aliceToken), 409);
    }
  }

  @Test
  void othersCannotCancelAndNoTokenIs401() {
    UUID id = id(api.place(aliceToken, mug, 1));

    assertProblem(api.post("/api/v1/orders/" + id + "/cancel", "", bobToken), 404);
    assertProblem(api.post("/api/v1/orders/" + id + "/cancel", "", null), 401);
    assertThat(api.status(aliceToken, id.toString())).isEqualTo("PENDING");
  }

  // ---- paying

  @Test
  void approvedPaymentMarksTheOrderPaidAndEmitsOrderPaid() {
    UUID id = confirmedOrder();

    HttpResponse<String> response =
        api.post("/api/v1/orders/" + id + "/payments", card("tok_visa"), aliceToken, "pay-1");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode payment = json(response);
    assertThat(payment.path("amountMinor").asLong()).isEqualTo(2 * 1250);
    assertThat(payment.path("currency").asText()).isEqualTo("EUR");
    assertThat(payment.path("order").path("status").asText()).isEqualTo("PAID");
    assertThat(api.status(aliceToken, id.toString())).isEqualTo("PAID");
    assertThat(Streams.orderEventTypes(id, 2)).containsExactly("OrderPlaced", "OrderPaid");

    HttpResponse<String> replay =
        api.post("/api/v1/orders/" + id + "/payments", card("tok_visa"), aliceToken, "pay-1");
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.body()).isEqualTo(response.body());
    assertProblem(
        api.post("/api/v1/orders/" + id + "/payments", card("tok_visa"), aliceToken, "pay-2"), 409);
    assertProblem(
        api.post("/api/v1/orders/" + id + "/payments", card("tok_mastercard"), aliceToken, "pay-1"),
        422);
    int payments =
        db().withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM payments WHERE order_id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
    assertThat(payments).isEqualTo(1);
  }

  @Test
  void anUnpaidOrderExpiresAtItsDeadlineAndCanNoLongerBePaid() {
    UUID id = id(api.place(aliceToken, mug, 2));
    Instant deadline = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
    Streams.sendStatus(Streams.confirmed(id, deadline));
    awaitStatus(id, "CONFIRMED");
    JsonNode confirmed = json(api.get("/api/v1/orders/" + id, aliceToken));
    assertThat(Instant.parse(confirmed.path("expiresAt").asText())).isEqualTo(deadline);

    awaitStatus(id, "EXPIRED");

    JsonNode expired = json(api.get("/api/v1/orders/" + id, aliceToken));
    assertThat(expired.path("expiresAt").isNull()).isTrue();
    assertThat(expired.path("version").asLong()).isEqualTo(3);
    assertThat(Streams.orderEventTypes(id, 2)).containsExactly("OrderPlaced", "OrderExpired");
    assertProblem(
        api.post("/api/v1/orders/" + id + "/payments", card("tok_visa"), aliceToken, "late"), 409);
    Streams.sendStatus(Streams.released(id, ReleaseCause.EXPIRED));
    await()
        .during(Duration.ofSeconds(1))
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        json(api.get("/api/v1/orders/" + id, aliceToken)).path("version").asLong())
                    .as("the processor's release answers an expiry that already happened")
                    .isEqualTo(3));
  }

  @Test
  void declinedPaymentIs402AndTheOrderStaysConfirmed() {
    UUID id = confirmedOrder();

    JsonNode problem =
        assertProblem(
            api.post("/api/v1/orders/" + id + "/payments", card("tok_declined"), aliceToken, "d-1"),
            402);

    assertThat(problem.path("type").asText()).isEqualTo("urn:stockroom:problem:payment-declined");
    assertThat(api.status(aliceToken, id.toString())).isEqualTo("CONFIRMED");
    assertThat(
            api.post("/api/v1/orders/" + id + "/payments", card("tok_visa"), aliceToken, "d-2")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void onlyConfirmedOrdersOfTheOwnerCanBePaidWithAKey() {
    UUID pending = id(api.place(aliceToken, mug, 1));
    UUID confirmed = confirmedOrder();

    assertProblem(
        api.post("/api/v1/orders/" + pending + "/payments", card("tok_visa"), aliceToken, "x-1"),
        409);
    assertProblem(
        api.post("/api/v1/orders/" + confirmed + "/payments", card("tok_visa"), bobToken, "x-2"),
        404);
    assertProblem(
        api.post("/api/v1/orders/" + confirmed + "/payments", card("tok_visa"), adminToken, "x-3"),
        404);
    assertProblem(
        api.post("/api/v1/orders/" + confirmed + "/payments", card("tok_visa"), aliceToken), 428);
    assertProblem(
        api.post("/api/v1/orders/" + confirmed + "/payments", card("tok_visa"), null), 401);
    assertThat(api.status(aliceToken, confirmed.toString())).isEqualTo("CONFIRMED");
  }
}
