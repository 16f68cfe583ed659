package dev.stockroom.order;

import static dev.stockroom.devkit.HttpApi.assertProblem;
import static dev.stockroom.order.ApiClient.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.devkit.H2Database;
import dev.stockroom.devkit.SharedKafka;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pending-order limit over real HTTP: with as many orders waiting for the stream processor's
 * decision as allowed, a new order gets a 503 problem and writes nothing, a retry of a placed order
 * still gets that order, and new orders are taken again once a decision arrives.
 */
@ExtendWith(SharedKafka.class)
class PendingOrderLimitIT {
  @Order(1)
  @RegisterExtension
  static final H2Database DB = new H2Database();

  @Order(2)
  @RegisterExtension
  static final DropwizardAppExtension<OrderServiceConfiguration> APP =
      TestApps.app(
          DB::jdbcUrl,
          DB::user,
          DB::password,
          Map.of(
              "orders.maxPendingOrders", "2",
              "orders.pendingCountInterval", "50 milliseconds",
              "orders.pendingRetryAfter", "3 seconds"));

  @Test
  void ordersPastTheLimitAreRefusedUntilADecisionArrives() {
    ApiClient api = new ApiClient(APP.getLocalPort());
    Jdbi db = Jdbi.create(DB.jdbcUrl(), DB.user(), DB.password());
    String token = ApiClient.customer(UUID.randomUUID());
    UUID product = UUID.randomUUID();
    Streams.sendProduct(Streams.product(product, 100, "EUR", 1));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        // The shared broker's products.v1 holds other classes' products too: wait for ours.
        .until(() -> inReplica(db, product));

    HttpResponse<String> first = api.post("/api/v1/orders", order(product, 1), token, "first");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String firstId = ApiClient.json(first).path("id").asText();
    api.place(token, product, 2);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pendingGauge() == 2L);
    int orders = count(db, "orders");
    int outbox = count(db, "outbox_events");
    int keys = count(db, "idempotency_keys");

    HttpResponse<String> refused = api.post("/api/v1/orders", order(product, 3), token, "third");
    JsonNode problem = assertProblem(refused, 503);
    assertThat(problem.path("type").asText()).isEqualTo("urn:stockroom:problem:busy");
    assertThat(problem.path("detail").asText()).contains("no order was placed");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(count(db, "orders")).isEqualTo(orders);
    // The relay deletes what it has published, so "nothing written" is "no more rows than before".
    assertThat(count(db, "outbox_events")).isLessThanOrEqualTo(outbox);
    assertThat(count(db, "idempotency_keys")).isEqualTo(keys);
    assertThat(
            APP.getEnvironment()
                .metrics()
                .counter(OrderServiceApplication.REFUSED_COUNTER)
                .getCount())
        .isEqualTo(1);

    // The client that lost the first order's 201 retries it and learns it was placed.
    HttpResponse<String> retry = api.post("/api/v1/orders", order(product, 1), token, "first");
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(ApiClient.json(retry).path("id").asText()).isEqualTo(firstId);

    Streams.sendStatus(Streams.confirmed(UUID.fromString(firstId)));
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pendingGauge() == 1L);
    HttpResponse<String> taken = api.post("/api/v1/orders", order(product, 3), token, "third");
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
    assertThat(count(db, "orders")).isEqualTo(orders + 1);
  }

  private static long pendingGauge() {
    return (Long)
        APP.getEnvironment()
            .metrics()
            .getGauges()
            .get(OrderServiceApplication.PENDING_GAUGE)
            .getValue();
  }

  private static boolean inReplica(Jdbi db, UUID product) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM product_replica WHERE product_id = :id")
                    .bind("id", product)
                    .mapTo(Integer.class)
                    .one()
                == 1);
  }

  private static int count(Jdbi db, String table) {
    return db.withHandle(
        h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
  }
}
