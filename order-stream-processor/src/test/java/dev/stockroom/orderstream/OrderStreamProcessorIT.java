package dev.stockroom.orderstream;

import static dev.stockroom.orderstream.TestKafka.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.devkit.JwksServer;
import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.devkit.TestTokens;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.OrderConfirmed;
import dev.stockroom.events.OrderRejected;
import dev.stockroom.events.Topics;
import dev.stockroom.orderstream.topology.DeadLetterHeaders;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole application on the real broker under exactly_once_v2: events in through the real
 * topics, decisions and stock views out through them (read_committed), and the views over HTTP with
 * real tokens.
 */
@ExtendWith({SharedKafka.class, DropwizardExtensionsSupport.class})
class OrderStreamProcessorIT {
  private static final TestTokens TOKENS = TestTokens.create();
  private static final JwksServer JWKS = JwksServer.start(TOKENS);
  private static final String APPLICATION_ID = "order-stream-it-" + UUID.randomUUID();
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  static {
    SharedKafka.createTopic(Topics.ORDERS, 3);
    SharedKafka.createTopic(Topics.INVENTORY, 3);
  }

  static final DropwizardAppExtension<OrderStreamProcessorConfiguration> APP =
      new DropwizardAppExtension<>(
          OrderStreamProcessorApplication.class,
          ResourceHelpers.resourceFilePath("order-stream-processor-test.yml"),
          ConfigOverride.config("kafka.bootstrapServers", SharedKafka::bootstrapServers),
          ConfigOverride.config("auth.jwksUrl", JWKS::url),
          ConfigOverride.config("streams.applicationId", APPLICATION_ID),
          ConfigOverride.config("streams.stateDir", tempDir()));

  private static TestKafka kafka;
  private static ApiClient api;
  private static ApiClient admin;

  @BeforeAll
  static void waitUntilRunning() {
    kafka = new TestKafka();
    api = new ApiClient(APP.getLocalPort());
    admin = new ApiClient(APP.getAdminPort());
    await("streams RUNNING")
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              HttpResponse<String> health = admin("/healthcheck");
              assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            });
  }

  @AfterAll
  static void closeClients() {
    kafka.close();
    JWKS.close();
  }

  @Test
  void reservesAMultiLineOrderAndServesBothViews() {
    UUID keyboard = UUID.randomUUID();
    UUID monitor = UUID.randomUUID();
    UUID order = UUID.randomUUID();
    kafka.stockLevel(keyboard, 10, 1);
    kafka.stockLevel(monitor, 3, 1);

    kafka.place(order, line(keyboard, 2), line(monitor, 3));

    List<ConsumerRecord<String, String>> status =
        TestKafka.committed(Topics.ORDER_STATUS, List.of(order.toString()), 1, DEADLINE);
    assertThat(status).hasSize(1);
    assertThat(EventJson.typeOf(status.get(0).value())).isEqualTo(OrderConfirmed.TYPE);
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              JsonNode stock = ApiClient.okJson(api("/api/v1/stock/" + keyboard, customer()));
              assertThat(stock.get("reserved").asLong()).isEqualTo(2);
              assertThat(stock.get("available").asLong()).isEqualTo(8);
            });
    JsonNode orderStatus = ApiClient.okJson(api("/api/v1/order-status/" + order, customer()));
    assertThat(orderStatus.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(orderStatus.get("lines").get(1).get("status").asText()).isEqualTo("RESERVED");
    JsonNode list =
        ApiClient.okJson(
            api("/api/v1/stock?productId=" + monitor + "&productId=" + keyboard, customer()));
    assertThat(list.get("items")).hasSize(2);
    assertThat(list.get("items").get(0).get("productId").asText()).isEqualTo(monitor.toString());
    assertThat(list.get("items").get(0).get("available").asLong()).isZero();
  }

  @Test
  void publishesStockViewsAndRejectionsThroughTheRealTopics() {
    UUID product = UUID.randomUUID();
    UUID order = UUID.randomUUID();
    kafka.stockLevel(product, 1, 1);

    kafka.place(order, line(product, 2));

    List<ConsumerRecord<String, String>> status =
        TestKafka.committed(Topics.ORDER_STATUS, List.of(order.toString()), 1, DEADLINE);
    assertThat(EventJson.typeOf(status.get(0).value())).isEqualTo(OrderRejected.TYPE);
    List<ConsumerRecord<String, String>> views =
        TestKafka.committed(Topics.STOCK, List.of(product.toString()), 1, DEADLINE);
    assertThat(views).hasSize(1);
    assertThat(views.get(0).value()).contains("\"onHand\":1", "\"reserved\":0");
  }

  @Test
  void aLongPollIsAnsweredWhenTheOrderIsDecided() throws Exception {
    UUID product = UUID.randomUUID();
    UUID order = UUID.randomUUID();
    kafka.stockLevel(product, 5, 1);
    await()
        .atMost(DEADLINE)
        .until(() -> api("/api/v1/stock/" + product, customer()).statusCode() == 200);

    CompletableFuture<HttpResponse<String>> waiting =
        api.getAsync("/api/v1/order-status/" + order + "?wait=15", customer());
    kafka.place(order, line(product, 1));

    HttpResponse<String> answer = waiting.get(20, TimeUnit.SECONDS);
    assertThat(ApiClient.okJson(answer).get("status").asText()).isEqualTo("CONFIRMED");
  }

  @Test
  void aLongPollOnAnOrderThatNeverComesEndsWith404AfterTheWait() throws Exception {
    long start = System.nanoTime();

    HttpResponse<String> answer =
        api.getAsync("/api/v1/order-status/" + UUID.randomUUID() + "?wait=1", customer())
            .get(10, TimeUnit.SECONDS);

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(900));
  }

  @Test
  void anotherCustomerCannotSeeTheOrderAndAnonymousCallersAreRejected() {
    UUID product = UUID.randomUUID();
    UUID order = UUID.randomUUID();
    kafka.stockLevel(product, 5, 1);
    kafka.place(order, line(product, 1));
    await()
        .atMost(DEADLINE)
        .until(() -> api("/api/v1/order-status/" + order, customer()).statusCode() == 200);

    String stranger = TOKENS.token(UUID.randomUUID(), "customer");
    HttpResponse<String> hidden = api("/api/v1/order-status/" + order, stranger);
    assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(404);
    String admin = TOKENS.token(UUID.randomUUID(), "admin");
    assertThat(api("/api/v1/order-status/" + order, admin).statusCode()).isEqualTo(200);
    HttpResponse<String> anonymous = api("/api/v1/order-status/" + order, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(api("/api/v1/stock/" + product, null).statusCode()).isEqualTo(401);
  }

  @Test
  void badQueryParametersAreRejected() {
    assertThat(api("/api/v1/stock?productId=nope", customer()).statusCode()).isEqualTo(400);
    assertThat(api("/api/v1/stock", customer()).statusCode()).isEqualTo(400);
    assertThat(
            api("/api/v1/order-status/" + UUID.randomUUID() + "?wait=soon", customer())
                .statusCode())
        .isEqualTo(400);
    assertThat(
            api("/api/v1/order-status/" + UUID.randomUUID() + "?seen=LOST", customer())
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void aPoisonRecordIsDeadLetteredCountedAndTheNextOrderDecided() {
    UUID product = UUID.randomUUID();
    UUID order = UUID.randomUUID();
    kafka.stockLevel(product, 5, 1);

    kafka.sendRaw(Topics.ORDERS, order.toString(), "{not json".getBytes(StandardCharsets.UTF_8));
    kafka.place(order, line(product, 1));

    assertThat(TestKafka.committed(Topics.ORDER_STATUS, List.of(order.toString()), 1, DEADLINE))
        .hasSize(1);
    List<ConsumerRecord<String, String>> dead =
        TestKafka.committed(APPLICATION_ID + ".dlq", List.of(order.toString()), 1, DEADLINE);
    assertThat(dead).hasSize(1);
    assertThat(
            new String(
                dead.get(0).headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8))
        .startsWith("not JSON");
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(admin("/prometheus").body())
                    .containsPattern(
                        "kafka_streams_stream_stockroom_metrics_dead_letter_total"
                            + "\\S*order_processor\\S* 1\\.0"));
  }

  @Test
  void adminPortDescribesTheTopologyAndReportsLivenessAndStreamsMetrics() {
    assertThat(admin("/alive").statusCode()).isEqualTo(200);
    assertThat(admin("/topology").body())
        .contains("order-processor", "stock-processor", APPLICATION_ID + ".stock-commands");
    assertThat(admin("/healthcheck").body()).contains("\"streams\"", "RUNNING");
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(admin("/prometheus").body())
                    .contains(
                        "kafka_streams_stream_thread_metrics_process_rate",
                        "kafka_streams_stream_thread_metrics_commit_latency_avg",
                        "kafka_streams_consumer_fetch_manager_metrics_records_lag"));
  }

  private static String customer() {
    return TOKENS.token(TestKafka.CUSTOMER, "customer");
  }

  private static HttpResponse<String> api(String path, String token) {
    return api.get(path, token);
  }

  private static HttpResponse<String> admin(String path) {
    return admin.get(path);
  }

  static String tempDir() {
    try {
      return Files.createTempDirectory("order-stream-it").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
