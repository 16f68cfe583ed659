package dev.stockroom.product;

import static dev.stockroom.devkit.HttpApi.assertProblem;
import static dev.stockroom.devkit.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stockroom.devkit.HttpApi;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.ProductDiscontinued;
import dev.stockroom.events.ProductUpserted;
import dev.stockroom.events.StockLevelSet;
import dev.stockroom.events.StockView;
import dev.stockroom.events.Topics;
import dev.stockroom.platform.kafka.KafkaHeaders;
import dev.stockroom.product.resources.ProductReadFastPath;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client of product-service sees, over real HTTP with real tokens and the real broker.
 * Subclasses run it on H2 and on PostgreSQL. Every test creates its own products.
 */
abstract class ProductFlowContract {
  private static final String PRODUCTS = "/api/v1/products";

  protected HttpApi api;
  private String admin;
  private String tag;

  abstract DropwizardAppExtension<ProductServiceConfiguration> app();

  /** Direct access to the application's database, to see what the consumer recorded. */
  abstract Jdbi db();

  @BeforeEach
  void client() {
    api = new HttpApi(app().getLocalPort());
    admin = TestApps.adminToken();
    tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static String productJson(String sku, String name, long priceMinor, String currency) {
    ObjectNode body = HttpApi.JSON.createObjectNode();
    body.put("sku", sku);
    body.put("name", name);
    body.put("description", "A fine " + name.toLowerCase());
    body.put("priceMinor", priceMinor);
    body.put("currency", currency);
    return body.toString();
  }

  private JsonNode create(String sku, String name) {
    HttpResponse<String> created = api.post(PRODUCTS, productJson(sku, name, 1299, "EUR"), admin);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created);
  }

  @Test
  void createReadUpdateWithStaleAndFreshIfMatchThenDiscontinue() {
    String sku = "kb-" + tag;
    HttpResponse<String> created =
        api.post(PRODUCTS, productJson(sku, "Keyboard " + tag, 1299, "eur"), admin);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode product = json(created);
    String id = product.path("id").asText();
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith(PRODUCTS + "/" + id));
    assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(product.path("sku").asText()).isEqualTo(sku.toUpperCase());
    assertThat(product.path("currency").asText()).isEqualTo("EUR");
    assertThat(product.path("priceMinor").asLong()).isEqualTo(1299);
    assertThat(product.path("active").asBoolean()).isTrue();

    HttpResponse<String> read = api.get(PRODUCTS + "/" + id);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(read.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(read.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("public").contains("max-age=30"));
    assertThat(json(read).has("available")).as("no stock view yet").isFalse();
    HttpResponse<String> notModified = api.getIfNoneMatch(PRODUCTS + "/" + id, "\"1\"");
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
    assertThat(notModified.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(api.getIfNoneMatch(PRODUCTS + "/" + id, "\"7\"").statusCode()).isEqualTo(200);
    HttpResponse<String> bySku = api.get(PRODUCTS + "/by-sku/" + sku.toLowerCase());
    assertThat(json(bySku).path("id").asText()).isEqualTo(id);
    assertProblem(api.post(PRODUCTS, productJson(sku, "Copy", 1, "EUR"), admin), 409);

    String replacement = productJson(sku, "Keyboard II " + tag, 1499, "EUR");
    assertProblem(api.put(PRODUCTS + "/" + id, replacement, admin, null), 428);
    assertProblem(api.put(PRODUCTS + "/" + id, replacement, admin, "\"0\""), 412);
    HttpResponse<String> replaced = api.put(PRODUCTS + "/" + id, replacement, admin, "\"1\"");
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.headers().firstValue("ETag")).contains("\"2\"");
    assertThat(json(replaced).path("name").asText()).isEqualTo("Keyboard II " + tag);

    assertProblem(api.patch(PRODUCTS + "/" + id, "{\"priceMinor\":1599}", admin, null), 428);
    assertProblem(api.patch(PRODUCTS + "/" + id, "{\"priceMinor\":1599}", admin, "\"1\""), 412);
    HttpResponse<String> patched =
        api.patch(PRODUCTS + "/" + id, "{\"priceMinor\":1599}", admin, "\"2\"");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThat(json(patched).path("priceMinor").asLong()).isEqualTo(1599);
    assertThat(json(patched).path("description").asText()).startsWith("A fine keyboard ii");
    assertThat(json(api.get(PRODUCTS + "/" + id)).path("priceMinor").asLong()).isEqualTo(1599);

    HttpResponse<String> discontinued = api.delete(PRODUCTS + "/" + id, admin);
    assertThat(discontinued.statusCode()).as(discontinued.body()).isEqualTo(200);
    assertThat(json(discontinued).path("active").asBoolean()).isFalse();
    JsonNode after = json(api.get(PRODUCTS + "/" + id));
    assertThat(after.path("active").asBoolean()).isFalse();
    assertThat(after.path("version").asLong()).isEqualTo(4);
    assertThat(after.path("name").asText()).isEqualTo("Keyboard II " + tag);

    List<ConsumerRecord<String, String>> events =
        TopicClient.readKey(Topics.PRODUCTS, id, r -> r.size() >= 4, Duration.ofSeconds(60));
    assertThat(events)
        .extracting(TopicClient::typeOf)
        .containsExactly(
            ProductUpserted.TYPE,
            ProductUpserted.TYPE,
            ProductUpserted.TYPE,
            ProductDiscontinued.TYPE);
    List<Long> versions = new ArrayList<>();
    for (ConsumerRecord<String, String> record : events.subList(0, 3)) {
      ProductUpserted upserted = EventJson.read(record.value(), ProductUpserted.class).data();
      versions.add(upserted.version());
      assertThat(KafkaHeaders.eventId(record))
          .isEqualTo(EventJson.read(record.value(), ProductUpserted.class).eventId());
    }
    assertThat(versions).containsExactly(1L, 2L, 3L);
    ProductUpserted last = EventJson.read(events.get(2).value(), ProductUpserted.class).data();
    assertThat(last.priceMinor()).isEqualTo(1599);
    assertThat(last.currency()).isEqualTo("EUR");
    assertThat(last.sku()).isEqualTo(sku.toUpperCase());
    assertThat(EventJson.read(events.get(3).value(), ProductDiscontinued.class).data())
        .isEqualTo(new ProductDiscontinued(UUID.fromString(id), 4));
  }

  @Test
  void listsPageByCursorAndFilterByNameActiveAndIds() {
    List<String> ids = new ArrayList<>();
    for (String name : List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo")) {
      ids.add(create(tag + "-" + name, name + " widget " + tag).path("id").asText());
    }
    assertThat(api.delete(PRODUCTS + "/" + ids.get(1), admin).statusCode()).isEqualTo(200);

    List<String> names = new ArrayList<>();
    String next = PRODUCTS + "?limit=2&q=WIDGET%20" + tag.toLowerCase();
    int pages = 0;
    while (next != null) {
      HttpResponse<String> response = api.get(next);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.headers().firstValue("Cache-Control")).isPresent();
      JsonNode body = json(response);
      body.path("items").forEach(item -> names.add(item.path("name").asText()));
      pages++;
      next =
          body.path("nextCursor").isNull()
              ? null
              : response
                  .headers()
                  .firstValue("Link")
                  .map(l -> l.substring(1, l.indexOf('>')))
                  .orElseThrow();
    }
    assertThat(pages).isEqualTo(3);
    assertThat(names)
        .containsExactly(
            "Alpha widget " + tag,
            "Bravo widget " + tag,
            "Charlie widget " + tag,
            "Delta widget " + tag,
            "Echo widget " + tag);

    JsonNode active = json(api.get(PRODUCTS + "?active=true&q=" + tag.toLowerCase()));
    assertThat(active.path("items"))
        .extracting(i -> i.path("name").asText())
        .doesNotContain("Bravo widget " + tag)
        .hasSize(4);
    JsonNode discontinued = json(api.get(PRODUCTS + "?active=false&q=" + tag));
    assertThat(discontinued.path("items"))
        .extracting(i -> i.path("id").asText())
        .containsExactly(ids.get(1));

    JsonNode batch =
        json(
            api.get(
                PRODUCTS + "?ids=" + ids.get(4) + "," + ids.get(0) + "&ids=" + UUID.randomUUID()));
    assertThat(batch.path("items"))
        .extracting(i -> i.path("id").asText())
        .containsExactly(ids.get(0), ids.get(4));
  }

  @Test
  void concurrentAdjustmentsEndAtTheExactLevelWithOneStockLevelSetPerChangeInOrder()
      throws Exception {
    String id = create("ADJ-" + tag, "Adjusted " + tag).path("id").asText();
    String stock = PRODUCTS + "/" + id + "/stock";
    JsonNode initial = json(api.get(stock, admin));
    assertThat(initial.path("onHand").asLong()).isZero();
    assertThat(initial.path("version").asLong()).isZero();
    assertThat(initial.has("available")).isFalse();
    assertProblem(api.put(stock, "{\"onHand\":1000}", admin, null), 428);
    HttpResponse<String> set = api.put(stock, "{\"onHand\":1000}", admin, "\"0\"");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(set.headers().firstValue("ETag")).contains("\"1\"");
    assertProblem(api.put(stock, "{\"onHand\":5}", admin, "\"0\""), 412);

    Random random = new Random(42);
    List<Long> deltas = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long delta = random.nextInt(9) - 4;
      deltas.add(delta == 0 ? 1 : delta);
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<HttpResponse<String>>> results = new ArrayList<>();
    try {
      for (long delta : deltas) {
        results.add(
            pool.submit(
                () ->
                    api.post(
                        stock + "/adjustments",
                        "{\"delta\":" + delta + ",\"reason\":\"cycle count\"}",
                        admin)));
      }
      for (Future<HttpResponse<String>> result : results) {
        HttpResponse<String> response = result.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    long expected = 1000 + deltas.stream().mapToLong(Long::longValue).sum();
    JsonNode finalLevel = json(api.get(stock, admin));
    assertThat(finalLevel.path("onHand").asLong()).isEqualTo(expected);
    assertThat(finalLevel.path("version").asLong()).isEqualTo(201);

    List<ConsumerRecord<String, String>> records =
        TopicClient.readKey(Topics.INVENTORY, id, r -> r.size() >= 201, Duration.ofSeconds(90));
    List<StockLevelSet> levels =
        records.stream().map(r -> EventJson.read(r.value(), StockLevelSet.class).data()).toList();
    assertThat(levels).hasSize(201);
    assertThat(levels.get(0)).isEqualTo(new StockLevelSet(UUID.fromString(id), 1000, 1));
    List<Long> applied = new ArrayList<>();
    for (int i = 1; i < levels.size(); i++) {
      assertThat(levels.get(i).version()).isEqualTo(levels.get(i - 1).version() + 1);
      applied.add(levels.get(i).onHand() - levels.get(i - 1).onHand());
    }
    assertThat(levels.get(200).onHand()).isEqualTo(expected);
    List<Long> sortedApplied = new ArrayList<>(applied);
    List<Long> sortedDeltas = new ArrayList<>(deltas);
    Collections.sort(sortedApplied);
    Collections.sort(sortedDeltas);
    assertThat(sortedApplied).as("each event is exactly one adjustment").isEqualTo(sortedDeltas);

    JsonNode refused =
        assertProblem(
            api.post(
                stock + "/adjustments",
                "{\"delta\":-" + (expected + 1) + ",\"reason\":\"shrinkage\"}",
                admin),
            409);
    assertThat(refused.path("detail").asText()).contains("On hand is " + expected);
    assertThat(refused.path("onHand").asLong()).as("the level as a member").isEqualTo(expected);
    assertThat(refused.path("version").asLong())
        .isEqualTo(json(api.get(stock, admin)).path("version").asLong());
    assertThat(json(api.get(stock, admin)).path("onHand").asLong()).isEqualTo(expected);
  }

  @Test
  void stockViewsShowUpAsAvailableIgnoringDuplicatesAndOlderVersions() {
    UUID id = UUID.fromString(create("VIEW-" + tag, "Viewed " + tag).path("id").asText());
    String product = PRODUCTS + "/" + id;
    assertThat(json(api.get(product)).has("available")).isFalse();

    UUID first = UUID.randomUUID();
    TopicClient.produceStockView(first, new StockView(id, 10, 2, 8, 3));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(json(api.get(product)).path("available").asLong()).isEqualTo(8));
    HttpResponse<String> withView = api.get(product);
    assertThat(withView.headers().firstValue("ETag")).contains("\"1-8\"");
    JsonNode stock = json(api.get(product + "/stock", admin));
    assertThat(stock.path("reserved").asLong()).isEqualTo(2);
    assertThat(stock.path("available").asLong()).isEqualTo(8);

    // A redelivery of the first event with other numbers, then an older version: both ignored.
    TopicClient.produceStockView(first, new StockView(id, 10, 9, 1, 3));
    UUID older = UUID.randomUUID();
    TopicClient.produceStockView(older, new StockView(id, 4, 0, 4, 2));
    await().atMost(Duration.ofSeconds(60)).until(() -> processed(older));
    assertThat(json(api.get(product)).path("available").asLong()).isEqualTo(8);
    assertThat(api.getIfNoneMatch(product, "\"1-8\"").statusCode()).isEqualTo(304);

    // The same stock version with more reserved (an order came in) is newer news, and applies.
    TopicClient.produceStockView(UUID.randomUUID(), new StockView(id, 10, 4, 6, 3));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(json(api.get(product)).path("available").asLong()).isEqualTo(6));
    TopicClient.produceStockView(UUID.randomUUID(), new StockView(id, 20, 4, 16, 4));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(json(api.get(product)).path("available").asLong()).isEqualTo(16));
    JsonNode listed = json(api.get(PRODUCTS + "?ids=" + id));
    assertThat(listed.path("items").get(0).path("available").asLong()).isEqualTo(16);
  }

  @Test
  void aPlainReadIsAnsweredBeforeJerseyWithTheSameBytesAndAnythingElseIsLeftToJersey() {
    String id = create("FAST-" + tag, "Fast " + tag).path("id").asText();
    String product = PRODUCTS + "/" + id;
    Meter fastPath =
        app()
            .getEnvironment()
            .metrics()
            .meter(MetricRegistry.name(ProductReadFastPath.class, "served"));

    long before = fastPath.getCount();
    HttpResponse<String> fast = api.get(product);
    assertThat(fastPath.getCount()).isEqualTo(before + 1);
    // A conditional GET that does not match is answered in full, by Jersey.
    HttpResponse<String> jersey = api.getIfNoneMatch(product, "\"0\"");
    assertThat(fastPath.getCount()).isEqualTo(before + 1);

    assertThat(fast.statusCode()).isEqualTo(200);
    assertThat(jersey.statusCode()).isEqualTo(200);
    assertThat(fast.body()).isEqualTo(jersey.body());
    assertThat(headersOf(fast)).isEqualTo(headersOf(jersey)).containsKeys("etag", "cache-control");
    assertThat(fast.headers().firstValue("X-Request-Id")).isPresent();

    // The same body a second time, from the kept bytes; a change is seen at once.
    assertThat(api.get(product).body()).isEqualTo(fast.body());
    String renamed = productJson("FAST-" + tag, "Faster " + tag, 1299, "EUR");
    assertThat(api.put(product, renamed, admin, "\"1\"").statusCode()).isEqualTo(200);
    HttpResponse<String> changed = api.get(product);
    assertThat(json(changed).path("name").asText()).isEqualTo("Faster " + tag);
    assertThat(changed.headers().firstValue("ETag")).contains("\"2\"");
    long served = fastPath.getCount();
    assertThat(served).isEqualTo(before + 3);

    // Left to Jersey, and answered as before: an upper-case id, a missing product, another
    // media type, HEAD.
    HttpResponse<String> upper = api.get(PRODUCTS + "/" + id.toUpperCase());
    assertThat(upper.statusCode()).isEqualTo(200);
    assertThat(upper.body()).isEqualTo(changed.body());
    assertProblem(api.get(PRODUCTS + "/" + UUID.randomUUID()), 404);
    assertThat(
            api.send("GET", product, null, null, Map.of("Accept", "application/xml")).statusCode())
        .isEqualTo(406);
    HttpResponse<String> head = api.send("HEAD", product, null, null, Map.of());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("ETag")).contains("\"2\"");
    assertThat(fastPath.getCount()).isEqualTo(served);
  }

  @Test
  void adminEndpointsRefuseCustomersAndAnonymousCallersButReadsArePublic() {
    String id = create("AUTH-" + tag, "Guarded " + tag).path("id").asText();
    String customer = TestApps.customerToken();
    String body = productJson("AUTH2-" + tag, "Other", 100, "EUR");
    Map<String, java.util.function.Function<String, HttpResponse<String>>> adminCalls =
        Map.of(
            "create", t -> api.post(PRODUCTS, body, t),
            "replace", t -> api.put(PRODUCTS + "/" + id, body, t, "\"1\""),
            "patch", t -> api.patch(PRODUCTS + "/" + id, "{\"priceMinor\":1}", t, "\"1\""),
            "discontinue", t -> api.delete(PRODUCTS + "/" + id, t),
            "read stock", t -> api.get(PRODUCTS + "/" + id + "/stock", t),
            "set stock", t -> api.put(PRODUCTS + "/" + id + "/stock", "{\"onHand\":5}", t, "\"0\""),
            "adjust stock",
                t ->
                    api.post(
                        PRODUCTS + "/" + id + "/stock/adjustments",
                        "{\"delta\":5,\"reason\":\"x\"}",
                        t));
    adminCalls.forEach(
        (name, call) -> {
          assertProblem(call.apply(customer), 403);
          HttpResponse<String> anonymous = call.apply(null);
          assertProblem(anonymous, 401);
          assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
              .as(name)
              .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        });
    JsonNode unchanged = json(api.get(PRODUCTS + "/" + id));
    assertThat(unchanged.path("version").asLong()).isEqualTo(1);
    assertThat(unchanged.path("active").asBoolean()).isTrue();
    assertThat(json(api.get(PRODUCTS + "/" + id + "/stock", admin)).path("version").asLong())
        .isZero();

    assertThat(api.get(PRODUCTS + "/" + id).statusCode()).isEqualTo(200);
    assertThat(api.get(PRODUCTS + "/by-sku/AUTH-" + tag).statusCode()).isEqualTo(200);
    assertThat(api.get(PRODUCTS + "?ids=" + id).statusCode()).isEqualTo(200);
    assertThat(api.get(PRODUCTS + "/" + id, customer).statusCode()).isEqualTo(200);
  }

  @Test
  void adminPortReportsHealthMetricsAndPrometheus() {
    HttpApi adminPort = new HttpApi(app().getAdminPort());

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              HttpResponse<String> health = adminPort.get("/healthcheck");
              assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
              JsonNode checks = json(health);
              assertThat(checks.path("database").path("healthy").asBoolean()).isTrue();
              assertThat(checks.path("kafka").path("healthy").asBoolean()).isTrue();
              assertThat(checks.path("outbox").path("healthy").asBoolean()).isTrue();
              assertThat(
                      checks
                          .path(
                              "kafka-consumer-"
                                  + app().getConfiguration().getStockView().getGroupId())
                          .path("healthy")
                          .asBoolean())
                  .isTrue();
            });
    assertThat(adminPort.get("/ping").body()).contains("pong");
    HttpResponse<String> prometheus = adminPort.get("/prometheus");
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body()).contains("outbox");
  }

  /** Every response header but those that differ per request, names in lower case. */
  private static Map<String, List<String>> headersOf(HttpResponse<String> response) {
    Map<String, List<String>> headers = new TreeMap<>();
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              String key = name.toLowerCase(Locale.ROOT);
              if (!List.of("date", "x-request-id", "traceparent").contains(key)) {
                headers.put(key, values);
              }
            });
    return headers;
  }

  private boolean processed(UUID eventId) {
    return db().withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM processed_events WHERE event_id = :id")
                        .bind("id", eventId)
                        .mapTo(Long.class)
                        .one()
                    > 0);
  }
}
