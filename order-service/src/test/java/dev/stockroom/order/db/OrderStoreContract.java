package dev.stockroom.order.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.order.core.IdempotencyKeyReusedException;
import dev.stockroom.order.core.Order;
import dev.stockroom.order.core.OrderPage;
import dev.stockroom.order.core.OrderService;
import dev.stockroom.order.core.OrderStatus;
import dev.stockroom.order.core.OrderStatusNotifier;
import dev.stockroom.order.core.PendingOrderLimit;
import dev.stockroom.order.core.Product;
import dev.stockroom.order.core.RequestedLine;
import dev.stockroom.order.core.SandboxPaymentGateway;
import dev.stockroom.order.core.StatusChange;
import dev.stockroom.order.core.StoredResponse;
import dev.stockroom.platform.auth.AuthenticatedUser;
import dev.stockroom.platform.errors.ConflictException;
import dev.stockroom.platform.errors.ProblemException;
import dev.stockroom.platform.errors.ProblemTypes;
import dev.stockroom.platform.errors.ServiceUnavailableException;
import dev.stockroom.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The replica, the order store and idempotency on a real database; run on H2 and PostgreSQL. */
abstract class OrderStoreContract {
  // One instant for every write: orders created "at the same time" must still page correctly.
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456Z");

  abstract Jdbi jdbi();

  ProductReplicaDao replica;
  JdbiOrderStore store;
  OrderService service;
  AuthenticatedUser alice;
  UUID mug;

  @BeforeEach
  void setUp() {
    replica = jdbi().onDemand(ProductReplicaDao.class);
    store = new JdbiOrderStore(jdbi(), new Outbox(Clock.systemUTC(), () -> {}));
    service =
        new OrderService(
            store,
            new SandboxPaymentGateway(),
            new OrderStatusNotifier(),
            PendingOrderLimit.off(store),
            Duration.ofHours(1),
            Clock.fixed(NOW, ZoneOffset.UTC));
    alice = new AuthenticatedUser(UUID.randomUUID(), Set.of("customer"));
    mug = UUID.randomUUID();
    replica.upsert(mug, 1250L, "EUR", true, 1, NOW);
  }

  String place(AuthenticatedUser user, String key, int quantity) {
    return service
        .place(user, List.of(new RequestedLine(mug, quantity)), key, o -> o.id().toString())
        .body();
  }

  int count(String sql, UUID id) {
    return jdbi().withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(Integer.class).one());
  }

  // ---- replica

  @Test
  void replicaKeepsOnlyTheNewestVersion() {
    UUID id = UUID.randomUUID();
    assertThat(replica.upsert(id, 300L, "EUR", true, 3, NOW)).isTrue();
    assertThat(replica.upsert(id, 100L, "EUR", true, 1, NOW)).isFalse();
    assertThat(replica.upsert(id, 300L, "EUR", true, 3, NOW)).isFalse();

    assertThat(replica.find(id)).contains(new Product(id, 300L, "EUR", true, 3));
  }

  @Test
  void discontinuationWinsOverOlderSnapshotsEvenWhenItArrivesFirst() {
    UUID id = UUID.randomUUID();
    assertThat(replica.discontinue(id, 5, NOW)).isTrue();
    assertThat(replica.upsert(id, 100L, "EUR", true, 4, NOW)).isFalse();

    Product product = replica.find(id).orElseThrow();
    assertThat(product.isSellable()).isFalse();
    assertThat(replica.upsert(id, 200L, "EUR", true, 6, NOW)).isTrue();
    assertThat(replica.find(id).orElseThrow().isSellable()).isTrue();
  }

  // ---- idempotent placement

  @Test
  void concurrentPlacementsWithOneKeyCreateOneOrder() throws Exception {
    int threads = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return place(alice, "same-key", 2);
                }));
      }
      start.countDown();
      Set<String> ids = new HashSet<>();
      for (Future<String> result : results) {
        ids.add(result.get());
      }
      assertThat(ids).hasSize(1);
      assertThat(count("SELECT count(*) FROM orders WHERE user_id = :id", alice.id())).isEqualTo(1);
      String orderId = ids.iterator().next();
      int events =
          jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT count(*) FROM outbox_events WHERE message_key = :key")
                          .bind("key", orderId)
                          .mapTo(Integer.class)
                          .one());
      assertThat(events).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aReusedKeyWithAnotherBodyIsRefused() {
    place(alice, "k", 1);
    assertThatThrownBy(() -> place(alice, "k", 2))
        .isInstanceOf(IdempotencyKeyReusedException.class);
  }

  @Test
  void anExpiredKeyCanBeUsedAgain() {
    String first = place(alice, "k", 1);
    jdbi().useHandle(h -> h.execute("UPDATE idempotency_keys SET expires_at = ?", NOW));

    StoredResponse again =
        service.place(alice, List.of(new RequestedLine(mug, 2)), "k", o -> o.id().toString());

    assertThat(again.replayed()).isFalse();
    assertThat(again.body()).isNotEqualTo(first);
  }

  @Test
  void aRetryOfAnAcceptedOrderReplaysItEvenAfterItsProductIsDiscontinued() {
    String first = place(alice, "k", 1);
    replica.discontinue(mug, 2, NOW);

    StoredResponse again =
        service.place(alice, List.of(new RequestedLine(mug, 1)), "k", o -> o.id().toString());

    assertThat(again.replayed()).isTrue();
    assertThat(again.body()).isEqualTo(first);
    assertThatThrownBy(() -> place(alice, "another-key", 1))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("cannot be ordered");
    assertThat(count("SELECT count(*) FROM orders WHERE user_id = :id", alice.id())).isEqualTo(1);
  }

  @Test
  void anExpiredKeyIsNotReplayedWhenTheRetryIsRejected() {
    place(alice, "k", 1);
    jdbi().useHandle(h -> h.execute("UPDATE idempotency_keys SET expires_at = ?", NOW));
    replica.discontinue(mug, 2, NOW);

    assertThatThrownBy(() -> place(alice, "k", 1)).isInstanceOf(ProblemException.class);
  }

  // ---- status

  // ---- payment deadline

  /**
   * Payments and the expiry sweep race over the same orders, from both ends of the list so they
   * meet in the middle. The payer's clock is before every deadline and the sweeper's after it, so
   * only the row lock decides: each order ends PAID with its payment and OrderPaid, or EXPIRED with
   * OrderExpired and a refused payment, never both.
   */
  @Test
  void aPaymentAndTheExpirySweepNeverBothWin() throws Exception {
    Instant deadline = NOW.plusSeconds(1);
    OrderService sweeper =
        new OrderService(
            store,
            new SandboxPaymentGateway(),
            new OrderStatusNotifier(),
            PendingOrderLimit.off(store),
            Duration.ofHours(1),
            Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC));
    List<UUID> orders = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      UUID id = UUID.fromString(place(alice, null, 1));
      // Later orders are due earlier, so the sweep starts where the payments end.
      service.applyStatus(
          "c",
          new StatusChange(
              UUID.randomUUID(),
              id,
              OrderStatus.CONFIRMED,
              null,
              Map.of(),
              deadline.minusMillis(i)));
      orders.add(id);
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    Set<UUID> paid = java.util.concurrent.ConcurrentHashMap.newKeySet();
    try {
      Future<?> payments =
          pool.submit(
              () -> {
                start.await();
                for (UUID id : orders) {
                  try {
                    service.pay(alice, id, "tok_visa", "pay-" + id, (o, p) -> "");
                    paid.add(id);
                  } catch (ConflictException refused) {
                    // expired first
                  }
                }
                return null;
              });
      Future<Integer> sweep =
          pool.submit(
              () -> {
                start.await();
                return sweeper.expireUnpaid(orders.size());
              });
      start.countDown();
      payments.get();
      int expired = sweep.get();

      assertThat(paid.size() + expired).isEqualTo(orders.size());
      for (UUID id : orders) {
        OrderStatus status = store.find(id).orElseThrow().status();
        int paidEvents =
            count(
                "SELECT count(*) FROM outbox_events WHERE message_key = CAST(:id AS VARCHAR)"
                    + " AND event_type = 'OrderPaid'",
                id);
        int expiredEvents =
            count(
                "SELECT count(*) FROM outbox_events WHERE message_key = CAST(:id AS VARCHAR)"
                    + " AND event_type = 'OrderExpired'",
                id);
        int paymentRows = count("SELECT count(*) FROM payments WHERE order_id = :id", id);
        if (paid.contains(id)) {
          assertThat(status).as("order %s", id).isEqualTo(OrderStatus.PAID);
          assertThat(List.of(paidEvents, expiredEvents, paymentRows)).containsExactly(1, 0, 1);
        } else {
          assertThat(status).as("order %s", id).isEqualTo(OrderStatus.EXPIRED);
          assertThat(List.of(paidEvents, expiredEvents, paymentRows)).containsExactly(0, 1, 0);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBatchOfDecisionsAppliesInOrderWithTheSameRules() {
    UUID confirmed = UUID.fromString(place(alice, null, 1));
    UUID releasedLater = UUID.fromString(place(alice, null, 1));
    UUID rejected = UUID.fromString(place(alice, null, 1));
    UUID confirmEvent = UUID.randomUUID();
    Instant deadline = NOW.plus(Duration.ofMinutes(15));
    List<StatusChange> batch =
        List.of(
            new StatusChange(
                confirmEvent, confirmed, OrderStatus.CONFIRMED, null, Map.of(), deadline),
            new StatusChange(
                confirmEvent, confirmed, OrderStatus.CONFIRMED, null, Map.of(), deadline),
            new StatusChange(
                UUID.randomUUID(), releasedLater, OrderStatus.CONFIRMED, null, Map.of(), deadline),
            new StatusChange(
                UUID.randomUUID(), releasedLater, OrderStatus.CANCELLED, null, Map.of(), null),
            new StatusChange(
                UUID.randomUUID(),
                rejected,
                OrderStatus.REJECTED,
                "OUT_OF_STOCK",
                Map.of(mug, "OUT_OF_STOCK"),
                null),
            new StatusChange(
                UUID.randomUUID(), rejected, OrderStatus.CONFIRMED, null, Map.of(), deadline),
            new StatusChange(
                UUID.randomUUID(), UUID.randomUUID(), OrderStatus.CONFIRMED, null, Map.of(), null));

    assertThat(service.applyStatuses("c", batch))
        .as("the duplicate, the stale and the unknown change nothing")
        .isEqualTo(4);
    assertThat(service.applyStatuses("c", batch)).as("a redelivered batch").isZero();

    Order first = store.find(confirmed).orElseThrow();
    assertThat(first.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(first.expiresAt()).isEqualTo(deadline);
    assertThat(first.version()).isEqualTo(2);
    Order second = store.find(releasedLater).orElseThrow();
    assertThat(second.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(second.expiresAt()).isNull();
    assertThat(second.version()).isEqualTo(3);
    Order third = store.find(rejected).orElseThrow();
    assertThat(third.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(third.items().get(0).rejectionReason()).isEqualTo("OUT_OF_STOCK");
    assertThat(third.items()).hasSize(1);
  }

  @Test
  void thePendingLimitCountsUndecidedOrdersAndRefusesNewOnesPastIt() {
    long before = store.countPending();
    AtomicInteger refusals = new AtomicInteger();
    PendingOrderLimit limit =
        new PendingOrderLimit(store, before + 2, Duration.ofSeconds(2), refusals::incrementAndGet);
    assertThat(limit.isOn()).isTrue();
    // Off, the limit is never scheduled and admits every order without a count.
    assertThat(PendingOrderLimit.off(store).isOn()).isFalse();
    assertThat(PendingOrderLimit.off(store).admits()).isTrue();
    OrderService limited =
        new OrderService(
            store,
            new SandboxPaymentGateway(),
            new OrderStatusNotifier(),
            limit,
            Duration.ofHours(1),
            Clock.fixed(NOW, ZoneOffset.UTC));
    List<RequestedLine> oneMug = List.of(new RequestedLine(mug, 1));
    UUID first =
        UUID.fromString(limited.place(alice, oneMug, "first", o -> o.id().toString()).body());
    limited.place(alice, oneMug, null, o -> o.id().toString());
    limit.run();
    assertThat(limit.pending()).isEqualTo(before + 2);
    int orders = count("SELECT count(*) FROM orders WHERE user_id = :id", alice.id());

    assertThatThrownBy(() -> limited.place(alice, oneMug, "third", o -> o.id().toString()))
        .isInstanceOfSatisfying(
            ServiceUnavailableException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.type()).isEqualTo(ProblemTypes.BUSY);
              assertThat(e.headers()).containsEntry("Retry-After", "2");
            });
    assertThat(refusals).hasValue(1);
    assertThat(count("SELECT count(*) FROM orders WHERE user_id = :id", alice.id()))
        .isEqualTo(orders);
    // A retry of an order that was placed is answered with it, limit or not.
    StoredResponse replay = limited.place(alice, oneMug, "first", o -> o.id().toString());
    assertThat(replay.replayed()).isTrue();
    assertThat(replay.resourceId()).isEqualTo(first);

    limited.applyStatus(
        "c",
        new StatusChange(UUID.randomUUID(), first, OrderStatus.CONFIRMED, null, Map.of(), null));
    limit.run();
    assertThat(limit.pending()).isEqualTo(before + 1);
    StoredResponse third = limited.place(alice, oneMug, "third", o -> o.id().toString());
    assertThat(third.status()).isEqualTo(201);
    assertThat(third.replayed()).isFalse();
  }

  @Test
  void statusEventsApplyOnceAndOnlyForward() {
    UUID order = UUID.fromString(place(alice, null, 1));
    UUID event = UUID.randomUUID();

    assertThat(
            service.applyStatus(
                "c", new StatusChange(event, order, OrderStatus.CONFIRMED, null, Map.of(), null)))
        .isTrue();
    assertThat(
            service.applyStatus(
                "c", new StatusChange(event, order, OrderStatus.CONFIRMED, null, Map.of(), null)))
        .isFalse();
    assertThat(
            service.applyStatus(
                "c",
                new StatusChange(
                    UUID.randomUUID(),
                    order,
                    OrderStatus.REJECTED,
                    "OUT_OF_STOCK",
                    Map.of(),
                    null)))
        .isFalse();
    assertThat(
            service.applyStatus(
                "c",
                new StatusChange(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    OrderStatus.CONFIRMED,
                    null,
                    Map.of(),
                    null)))
        .isFalse();

    Order stored = store.find(order).orElseThrow();
    assertThat(stored.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(stored.version()).isEqualTo(2);
  }

  @Test
  void rejectionsAreStoredPerLine() {
    UUID order = UUID.fromString(place(alice, null, 1));

    service.applyStatus(
        "c",
        new StatusChange(
            UUID.randomUUID(),
            order,
            OrderStatus.REJECTED,
            "OUT_OF_STOCK",
            Map.of(mug, "OUT_OF_STOCK"),
            null));

    Order stored = store.find(order).orElseThrow();
    assertThat(stored.statusReason()).isEqualTo("OUT_OF_STOCK");
    assertThat(stored.items().get(0).rejectionReason()).isEqualTo("OUT_OF_STOCK");
  }

  // ---- reading

  @Test
  void ordersAreReadWithEveryLineInLineOrderWhetherFoundOrListed() {
    UUID lamp = UUID.randomUUID();
    replica.upsert(lamp, 4999L, "EUR", true, 1, NOW);
    List<Order> placed = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      service.place(
          alice,
          List.of(new RequestedLine(lamp, i), new RequestedLine(mug, 10 + i)),
          null,
          o -> {
            placed.add(o);
            return o.id().toString();
          });
    }
    Order rejected = placed.get(1);
    service.applyStatus(
        "c",
        new StatusChange(
            UUID.randomUUID(),
            rejected.id(),
            OrderStatus.REJECTED,
            "OUT_OF_STOCK",
            Map.of(lamp, "OUT_OF_STOCK"),
            null));

    for (Order order : List.of(placed.get(0), placed.get(2))) {
      assertThat(store.find(order.id())).contains(order);
    }
    Order stored = store.find(rejected.id()).orElseThrow();
    assertThat(stored.items())
        .extracting(i -> i.productId(), i -> i.quantity(), i -> i.rejectionReason())
        .containsExactlyElementsOf(
            rejected.items().stream()
                .map(
                    i ->
                        org.assertj.core.groups.Tuple.tuple(
                            i.productId(),
                            i.quantity(),
                            i.productId().equals(lamp) ? "OUT_OF_STOCK" : null))
                .toList());
    assertThat(store.find(UUID.randomUUID())).isEmpty();

    // Two to a page: the second page holds one order, and no order lends a line to another.
    List<Order> listed = new ArrayList<>();
    Optional<dev.stockroom.order.core.OrderCursor> cursor = Optional.empty();
    do {
      OrderPage page = service.list(alice, Optional.empty(), Optional.empty(), cursor, 2);
      listed.addAll(page.orders());
      cursor = page.next();
    } while (cursor.isPresent());
    assertThat(listed)
        .hasSize(3)
        .allSatisfy(o -> assertThat(store.find(o.id())).contains(o))
        .extracting(Order::id)
        .containsExactlyInAnyOrderElementsOf(placed.stream().map(Order::id).toList());
  }

  // ---- listing

  @Test
  void pagesNewestFirstEvenWhenOrdersShareATimestamp() {
    List<String> placed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      placed.add(place(alice, null, 1));
    }
    List<String> seen = new ArrayList<>();
    Optional<dev.stockroom.order.core.OrderCursor> cursor = Optional.empty();
    do {
      OrderPage page = service.list(alice, Optional.empty(), Optional.empty(), cursor, 2);
      page.orders().forEach(o -> seen.add(o.id().toString()));
      cursor = page.next();
    } while (cursor.isPresent());

    assertThat(seen).containsExactlyInAnyOrderElementsOf(placed).doesNotHaveDuplicates();
    assertThat(
            service
                .list(alice, Optional.empty(), Optional.of(OrderStatus.PAID), Optional.empty(), 10)
                .orders())
        .isEmpty();
  }
}
