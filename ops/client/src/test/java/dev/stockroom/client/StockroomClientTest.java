package dev.stockroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockroom.client.RecordingServer.Recorded;
import dev.stockroom.client.RecordingServer.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests as the services expect them, and their recorded answers mapped onto the records. */
class StockroomClientTest {
  private static final UUID USER = UUID.fromString("0b7c4a52-3f0e-4c8e-9a57-2f4f7d8f1e01");
  private static final UUID PRODUCT = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
  private static final UUID MUG = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");
  private static final UUID LAMP = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
  private static final UUID ORDER = UUID.fromString("3c9e1d2f-7a4b-4c5d-9e8f-0a1b2c3d4e5f");
  private static final Session SESSION = new Session("access-token", "refresh-token", USER);

  private final ObjectMapper json = new ObjectMapper();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private RecordingServer server;
  private StockroomClient client;

  @BeforeEach
  void start() {
    server = RecordingServer.start();
    client = new StockroomClient(server.endpoints(), Duration.ofSeconds(5), exchanges::add);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void registersWithExactlyTheThreeAcceptedFields() throws Exception {
    server.on("POST", "/api/v1/users", Reply.json(201, "user-response.json"));

    Account account = client.register("Ada@Example.com", "correct horse battery", "Ada");

    assertThat(account).isEqualTo(new Account(USER, "Ada@Example.com", "Ada", List.of("customer")));
    Recorded request = server.last();
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Authorization")).isNull();
    JsonNode body = json.readTree(request.body());
    assertThat(fieldNames(body)).containsExactlyInAnyOrder("email", "password", "displayName");
    assertThat(body.get("password").asText()).isEqualTo("correct horse battery");
  }

  @Test
  void logsInAndReadsTheUserIdFromTheAccessToken() throws Exception {
    server.on("POST", "/api/v1/auth/token", Reply.json(200, "token-response.json"));

    Session session = client.login("ada@example.com", "correct horse battery");

    assertThat(session.userId()).isEqualTo(USER);
    assertThat(session.accessToken()).startsWith("eyJ");
    assertThat(session.refreshToken()).isEqualTo("6dZ0m0y8bq5nq7bJ3m6d1o9q2y5u8x1a4c7f0h3k6n9");
    assertThat(session.toString()).doesNotContain(session.accessToken());
    assertThat(fieldNames(json.readTree(server.last().body())))
        .containsExactlyInAnyOrder("email", "password");
  }

  @Test
  void createsAProductWithTheAdminsBearerToken() throws Exception {
    server.on("POST", "/api/v1/products", Reply.json(201, "product-response.json"));

    Product product =
        client.createProduct(SESSION, "KB-87-BLK", "Mechanical keyboard", 1299, "EUR");

    assertThat(product)
        .isEqualTo(new Product(PRODUCT, "KB-87-BLK", "Mechanical keyboard", 1299, "EUR", true, 3));
    assertThat(server.last().header("Authorization")).isEqualTo("Bearer access-token");
    JsonNode body = json.readTree(server.last().body());
    assertThat(fieldNames(body)).containsExactlyInAnyOrder("sku", "name", "priceMinor", "currency");
    assertThat(body.get("priceMinor").isIntegralNumber()).isTrue();
  }

  @Test
  void readsProductsAndPagesWithoutAToken() {
    server
        .on("GET", "/api/v1/products/" + PRODUCT, Reply.json(200, "product-response.json"))
        .on("GET", "/api/v1/products", Reply.json(200, "products-page.json"));

    assertThat(client.getProduct(PRODUCT).sku()).isEqualTo("KB-87-BLK");
    Page<Product> page = client.listProducts(2, "a+b/c=");

    assertThat(page.items()).extracting(Product::sku).containsExactly("KB-87-BLK", "MUG-01");
    assertThat(page.items().get(1).active()).isFalse();
    assertThat(page.nextCursor()).isEqualTo("eyJrIjpbIk1VRy0wMSJdfQ");
    assertThat(page.hasNext()).isTrue();
    Recorded list = server.last();
    assertThat(list.query()).isEqualTo("limit=2&cursor=a%2Bb%2Fc%3D");
    assertThat(list.header("Authorization")).isNull();
  }

  @Test
  void placesAnOrderWithItsIdempotencyKey() throws Exception {
    server.on("POST", "/api/v1/orders", Reply.json(201, "order-pending.json"));

    Order order = client.placeOrder(SESSION, "key-1", List.of(new Line(MUG, 2), new Line(LAMP, 1)));

    assertThat(order.id()).isEqualTo(ORDER);
    assertThat(order.status()).isEqualTo("PENDING");
    assertThat(order.isTerminal()).isFalse();
    assertThat(order.totalMinor()).isEqualTo(7499);
    assertThat(order.currency()).isEqualTo("EUR");
    assertThat(order.lines())
        .containsExactly(new OrderLine(MUG, 2, 1250, null), new OrderLine(LAMP, 1, 4999, null));
    Recorded request = server.last();
    assertThat(request.header("Idempotency-Key")).isEqualTo("key-1");
    assertThat(json.readTree(request.body()))
        .isEqualTo(
            json.readTree(
                "{\"lines\":[{\"productId\":\""
                    + MUG
                    + "\",\"quantity\":2},"
                    + "{\"productId\":\""
                    + LAMP
                    + "\",\"quantity\":1}]}"));
  }

  @Test
  void sendsNoIdempotencyKeyWhenNoneIsGiven() {
    server.on("POST", "/api/v1/orders", Reply.json(201, "order-pending.json"));

    client.placeOrder(SESSION, null, List.of(new Line(MUG, 1)));

    assertThat(server.last().header("Idempotency-Key")).isNull();
  }

  @Test
  void mapsARejectedOrdersReasons() {
    server.on("GET", "/api/v1/orders/" + ORDER, Reply.json(200, "order-rejected.json"));

    Order order = client.getOrder(SESSION, ORDER, Duration.ZERO);

    assertThat(order.status()).isEqualTo("REJECTED");
    assertThat(order.statusReason()).isEqualTo("OUT_OF_STOCK");
    assertThat(order.isTerminal()).isTrue();
    assertThat(order.lines())
        .extracting(OrderLine::rejectionReason)
        .containsExactly("OUT_OF_STOCK", null);
    assertThat(server.last().query()).isNull();
  }

  @Test
  void longPollsInWholeSecondsCappedAtTheServersMaximum() {
    server.on("GET", "/api/v1/orders/" + ORDER, Reply.json(200, "order-confirmed.json"));

    client.getOrder(SESSION, ORDER, Duration.ofMillis(1500));
    assertThat(server.last().query()).isEqualTo("wait=2");
    client.getOrder(SESSION, ORDER, Duration.ofMinutes(5));
    assertThat(server.last().query()).isEqualTo("wait=30");
  }

  @Test
  void awaitsAStatusByLongPollingWhilePending() {
    server.on(
        "GET",
        "/api/v1/orders/" + ORDER,
        Reply.json(200, "order-pending.json"),
        Reply.json(200, "order-pending.json"),
        Reply.json(200, "order-confirmed.json"));

    Order order = client.awaitStatus(SESSION, ORDER, Duration.ofSeconds(10), Set.of("CONFIRMED"));

    assertThat(order.status()).isEqualTo("CONFIRMED");
    List<Recorded> reads = server.requests();
    assertThat(reads).hasSize(3);
    assertThat(reads.get(0).query()).isNull();
    assertThat(reads.get(1).query()).startsWith("wait=");
    assertThat(reads.get(2).query()).startsWith("wait=");
  }

  @Test
  void stopsAwaitingAtATerminalStatusItDidNotAskFor() {
    server.on("GET", "/api/v1/orders/" + ORDER, Reply.json(200, "order-rejected.json"));

    Order order = client.awaitStatus(SESSION, ORDER, Duration.ofSeconds(10), Set.of("CONFIRMED"));

    assertThat(order.status()).isEqualTo("REJECTED");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void returnsTheOrderAsLastSeenWhenTheTimeoutPasses() {
    server.on("GET", "/api/v1/orders/" + ORDER, Reply.json(200, "order-confirmed.json"));

    Order order = client.awaitStatus(SESSION, ORDER, Duration.ofMillis(500), Set.of("PAID"));

    assertThat(order.status()).isEqualTo("CONFIRMED");
    // Past PENDING the long poll would answer at once: it polls gently instead of spinning.
    assertThat(server.requests()).hasSizeBetween(2, 6);
    assertThat(server.requests()).allSatisfy(r -> assertThat(r.query()).isNull());
  }

  @Test
  void cancelsWithAnEmptyPost() {
    server.on(
        "POST", "/api/v1/orders/" + ORDER + "/cancel", Reply.json(200, "order-confirmed.json"));

    client.cancel(SESSION, ORDER);

    Recorded request = server.last();
    assertThat(request.body()).isEmpty();
    assertThat(request.header("Authorization")).isEqualTo("Bearer access-token");
  }

  @Test
  void paysWithACardTokenAndMapsTheNestedOrder() throws Exception {
    server.on(
        "POST", "/api/v1/orders/" + ORDER + "/payments", Reply.json(200, "payment-response.json"));

    Payment payment = client.pay(SESSION, ORDER, "pay-1", "tok_visa");

    assertThat(payment.paymentId())
        .isEqualTo(UUID.fromString("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"));
    assertThat(payment.orderId()).isEqualTo(ORDER);
    assertThat(payment.order().status()).isEqualTo("PAID");
    assertThat(payment.order().lines()).hasSize(2);
    assertThat(server.last().header("Idempotency-Key")).isEqualTo("pay-1");
    assertThat(json.readTree(server.last().body()))
        .isEqualTo(json.readTree("{\"cardToken\":\"tok_visa\"}"));
  }

  @Test
  void listsOrdersByStatus() {
    server.on("GET", "/api/v1/orders", Reply.json(200, "orders-page.json"));

    List<Order> orders = client.listOrders(SESSION, "CONFIRMED", 10);

    assertThat(orders).extracting(Order::status).containsExactly("CONFIRMED");
    assertThat(server.last().query()).isEqualTo("status=CONFIRMED&limit=10");
  }

  @Test
  void readsTheStockViewOfOneProduct() {
    server.on("GET", "/api/v1/stock/" + MUG, Reply.json(200, "stock-view.json"));

    assertThat(client.stockView(SESSION, MUG)).isEqualTo(new StockView(MUG, 10, 3, 7, 1));
  }

  @Test
  void readsStockViewsInBatchesOfAHundredKeepingTheOrder() {
    List<UUID> ids = IntStream.range(0, 150).mapToObj(i -> UUID.randomUUID()).toList();
    StringBuilder first = new StringBuilder("{\"items\":[");
    StringBuilder second = new StringBuilder("{\"items\":[");
    for (int i = 0; i < ids.size(); i++) {
      StringBuilder page = i < 100 ? first : second;
      page.append(i % 100 == 0 ? "" : ",")
          .append("{\"productId\":\"")
          .append(ids.get(i))
          .append("\",\"onHand\":")
          .append(i)
          .append(",\"reserved\":0,\"available\":")
          .append(i)
          .append(",\"version\":1}");
    }
    server.on(
        "GET",
        "/api/v1/stock",
        new Reply(200, Map.of("Content-Type", "application/json"), first + "]}", null),
        new Reply(200, Map.of("Content-Type", "application/json"), second + "]}", null));

    List<StockView> views = client.stockViews(SESSION, ids);

    assertThat(views).extracting(StockView::productId).containsExactlyElementsOf(ids);
    List<Recorded> requests = server.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).query().split("&"))
        .hasSize(100)
        .allMatch(p -> p.startsWith("productId="));
    assertThat(requests.get(1).query().split("&")).hasSize(50);
    assertThat(client.stockViews(SESSION, List.of())).isEmpty();
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void readsTheOrderStatusViewWithItsLines() {
    server.on("GET", "/api/v1/order-status/" + ORDER, Reply.json(200, "order-status.json"));

    OrderStatusView view = client.orderStatus(SESSION, ORDER, Duration.ofSeconds(5));

    assertThat(view.status()).isEqualTo("CONFIRMED");
    assertThat(view.userId()).isEqualTo(USER);
    assertThat(view.expiresAt()).isEqualTo(Instant.parse("2025-03-01T10:15:01Z"));
    assertThat(view.lines())
        .containsExactly(
            new OrderStatusView.LineStatus(MUG, 2, "RESERVED"),
            new OrderStatusView.LineStatus(LAMP, 1, "RESERVED"));
    assertThat(server.last().query()).isEqualTo("wait=5");
  }

  @Test
  void reportsEveryExchangeToTheListener() {
    server.on("GET", "/api/v1/products/" + PRODUCT, Reply.json(200, "product-response.json"));

    client.getProduct(PRODUCT);

    assertThat(exchanges).hasSize(1);
    Exchange exchange = exchanges.get(0);
    assertThat(exchange.requestLine()).isEqualTo("GET /api/v1/products/" + PRODUCT);
    assertThat(exchange.status()).isEqualTo(200);
    assertThat(exchange.elapsed()).isPositive();
  }

  @Test
  void refusesCallsOnceClosed() {
    client.close();

    assertThatThrownBy(() -> client.getProduct(PRODUCT)).isInstanceOf(IllegalStateException.class);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
