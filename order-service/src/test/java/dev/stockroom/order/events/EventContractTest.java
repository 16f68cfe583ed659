package dev.stockroom.order.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockroom.devkit.H2Database;
import dev.stockroom.events.Topics;
import dev.stockroom.order.core.Order;
import dev.stockroom.order.core.OrderItem;
import dev.stockroom.order.core.OrderService;
import dev.stockroom.order.core.OrderStatus;
import dev.stockroom.order.core.OrderStatusNotifier;
import dev.stockroom.order.core.OrderTransaction;
import dev.stockroom.order.core.Payment;
import dev.stockroom.order.core.PendingOrderLimit;
import dev.stockroom.order.core.Product;
import dev.stockroom.order.core.SandboxPaymentGateway;
import dev.stockroom.order.db.JdbiOrderStore;
import dev.stockroom.order.db.ProductReplicaDao;
import dev.stockroom.platform.db.LiquibaseMigrator;
import dev.stockroom.platform.outbox.Outbox;
import dev.stockroom.platform.outbox.OutboxMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The event contracts from this side: what order-service writes to {@code orders.v1} matches the
 * {@code events} module's fixtures field for field, and the fixtures of what it reads ({@code
 * products.v1}, {@code order-status.v1}) have the documented effect. The fixtures are copies of
 * {@code events/src/test/resources/fixtures}.
 */
class EventContractTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final UUID ORDER = UUID.fromString("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9");
  static final UUID USER = UUID.fromString("0b8f1e2d-3c4a-4b5c-9d6e-7f8091a2b3c4");
  static final UUID KEYBOARD = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
  static final UUID CABLE = UUID.fromString("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e");
  static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");

  @RegisterExtension static final H2Database DB = new H2Database();

  static Jdbi jdbi;
  JdbiOrderStore store;
  OrderStatusHandler status;
  ProductReplicaHandler products;

  @BeforeAll
  static void migrate() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(DB.jdbcUrl());
    h2.setUser(DB.user());
    h2.setPassword(DB.password());
    LiquibaseMigrator.migrate(h2, "migrations.xml");
    jdbi = Jdbi.create(h2).installPlugin(new SqlObjectPlugin());
  }

  @BeforeEach
  void setUp() {
    jdbi.useHandle(
        h -> {
          h.execute("DELETE FROM order_lines");
          h.execute("DELETE FROM orders");
          h.execute("DELETE FROM product_replica");
          h.execute("DELETE FROM processed_events");
        });
    store = new JdbiOrderStore(jdbi, new Outbox(Clock.systemUTC(), () -> {}));
    OrderService service =
        new OrderService(
            store,
            new SandboxPaymentGateway(),
            new OrderStatusNotifier(),
            PendingOrderLimit.off(store),
            Duration.ofHours(1),
            Clock.systemUTC());
    status = new OrderStatusHandler("contract-test", service);
    products = new ProductReplicaHandler(jdbi, Clock.systemUTC());
  }

  static Order fixtureOrder(OrderStatus state) {
    return new Order(
        ORDER,
        USER,
        state,
        null,
        null,
        List.of(new OrderItem(KEYBOARD, 2, 1299, null), new OrderItem(CABLE, 1, 4500, null)),
        7098,
        "EUR",
        1,
        AT,
        AT);
  }

  static JsonNode fixture(String name) throws IOException {
    try (InputStream in =
        EventContractTest.class.getResourceAsStream("/fixtures/events/" + name + ".json")) {
      return JSON.readTree(in);
    }
  }

  static String raw(String name) throws IOException {
    try (InputStream in =
        EventContractTest.class.getResourceAsStream("/fixtures/events/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void assertMatches(OutboxMessage message, String fixture) throws IOException {
    JsonNode expected = fixture(fixture);
    JsonNode written = JSON.readTree(message.payload());
    assertThat(message.topic()).isEqualTo(Topics.ORDERS);
    assertThat(message.key()).isEqualTo(ORDER.toString());
    assertThat(message.type()).isEqualTo(expected.path("type").asText());
    assertThat(written.path("type")).isEqualTo(expected.path("type"));
    assertThat(written.path("aggregateId")).isEqualTo(expected.path("aggregateId"));
    assertThat(written.path("data")).isEqualTo(expected.path("data"));
  }

  ConsumerRecord<String, String> record(String topic, String fixture) throws IOException {
    return new ConsumerRecord<>(topic, 0, 0L, ORDER.toString(), raw(fixture));
  }

  Order stored() {
    return store.find(ORDER).orElseThrow();
  }

  @Test
  void orderPlacedMatchesTheContract() throws IOException {
    assertMatches(OrderEvents.placed(fixtureOrder(OrderStatus.PENDING)), "order-placed");
  }

  @Test
  void orderCancelledMatchesTheContract() throws IOException {
    assertMatches(OrderEvents.cancelled(fixtureOrder(OrderStatus.CANCELLED)), "order-cancelled");
  }

  @Test
  void orderPaidMatchesTheContract() throws IOException {
    Payment payment =
        new Payment(
            UUID.fromString("c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f"),
            ORDER,
            7098,
            "EUR",
            "sandbox",
            "ref",
            AT);
    assertMatches(OrderEvents.paid(fixtureOrder(OrderStatus.PAID), payment), "order-paid");
  }

  @Test
  void orderExpiredMatchesTheContract() throws IOException {
    assertMatches(OrderEvents.expired(fixtureOrder(OrderStatus.EXPIRED)), "order-expired");
  }

  @Test
  void productFixturesFillTheReplica() throws IOException {
    products.handle(record(Topics.PRODUCTS, "product-upserted"));
    ProductReplicaDao replica = jdbi.onDemand(ProductReplicaDao.class);
    assertThat(replica.find(KEYBOARD)).contains(new Product(KEYBOARD, 1299L, "EUR", true, 3));

    products.handle(record(Topics.PRODUCTS, "product-discontinued"));
    products.handle(record(Topics.PRODUCTS, "product-upserted"));

    Product discontinued = replica.find(KEYBOARD).orElseThrow();
    assertThat(discontinued.isSellable()).isFalse();
    assertThat(discontinued.version()).isEqualTo(4);
  }

  @Test
  void rejectionFixtureRejectsWithReasonsPerLine() throws IOException {
    store.inTransaction(this::insert);

    status.handle(record(Topics.ORDER_STATUS, "order-rejected"));
    status.handle(record(Topics.ORDER_STATUS, "order-confirmed"));

    Order order = stored();
    assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(order.statusReason()).isEqualTo("OUT_OF_STOCK");
    assertThat(order.items())
        .extracting(OrderItem::rejectionReason)
        .containsExactly(null, "OUT_OF_STOCK");
  }

  @Test
  void confirmationThenExpiryFixturesExpireTheOrder() throws IOException {
    store.inTransaction(this::insert);

    status.handle(record(Topics.ORDER_STATUS, "order-confirmed"));
    assertThat(stored().status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(stored().expiresAt())
        .as("the payment deadline from the event")
        .isEqualTo(Instant.parse("2026-11-28T12:15:00.480Z"));
    status.handle(record(Topics.ORDER_STATUS, "order-released"));
    status.handle(record(Topics.ORDER_STATUS, "order-confirmed"));

    assertThat(stored().status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(stored().version()).isEqualTo(3);
  }

  @Test
  void malformedAndForeignRecordsAreSkipped() {
    status.handle(new ConsumerRecord<>(Topics.ORDER_STATUS, 0, 0L, "k", "not json"));
    status.handle(new ConsumerRecord<>(Topics.ORDER_STATUS, 0, 1L, "k", null));
    products.handle(new ConsumerRecord<>(Topics.PRODUCTS, 0, 0L, "k", "{\"type\":\"Nope\"}"));

    assertThat(store.find(ORDER)).isEmpty();
  }

  private Order insert(OrderTransaction tx) {
    Order order = fixtureOrder(OrderStatus.PENDING);
    tx.insertOrder(order);
    return order;
  }
}
