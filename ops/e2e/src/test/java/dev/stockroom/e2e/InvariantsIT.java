package dev.stockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockroom.client.Line;
import dev.stockroom.client.Order;
import dev.stockroom.client.Page;
import dev.stockroom.client.Product;
import dev.stockroom.client.Session;
import dev.stockroom.client.StockView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The invariants of ARCHITECTURE.md, checked at the end of the run (this class runs last) over
 * everything the tests created, including a burst of concurrent orders for scarce stock that the
 * first test adds: every order reached exactly one terminal state and both services agree on it;
 * each product's reserved stock equals the quantities of its lines in PAID (and still CONFIRMED)
 * orders; and for every product in the catalog, whoever created it (the demo, the load generator),
 * the stock view keeps {@code available = max(0, onHand - reserved)}.
 */
@org.junit.jupiter.api.Order(100)
@ExtendWith(StockroomSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvariantsIT {
  /** Long enough for a CONFIRMED order to expire and for the release to cross Kafka. */
  private static final Duration SETTLE =
      ProcessHarness.RESERVATION_TTL.plus(RunningSystem.EVENTUAL);

  private static final Set<String> HOLDING_STOCK = Set.of("CONFIRMED", "PAID");

  /**
   * Adds a contended burst to what the other classes left (and gives this class something to check
   * when it runs alone): two customers race for a product with 5 units, 15 units asked for in 10
   * orders at once. Whatever the interleaving, the confirmed quantity fits in the stock; half the
   * confirmed orders are then paid and half cancelled.
   */
  @Test
  @org.junit.jupiter.api.Order(1)
  void concurrentOrdersForScarceStockNeverOversell(RunningSystem system) throws Exception {
    Product scarce = system.newProduct("scarce", 999, 5);
    List<Session> customers = List.of(system.newCustomer("eve"), system.newCustomer("mallory"));
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<Order>> placing = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        Session customer = customers.get(i % 2);
        List<Line> lines = List.of(new Line(scarce.id(), 1 + i % 2));
        placing.add(pool.submit(() -> system.place(customer, lines)));
      }
      List<Order> decided = new ArrayList<>();
      for (int i = 0; i < placing.size(); i++) {
        Order placed = placing.get(i).get(RunningSystem.EVENTUAL.toSeconds(), TimeUnit.SECONDS);
        decided.add(
            system.awaitStatus(customers.get(i % 2), placed.id(), Set.of("CONFIRMED", "REJECTED")));
      }

      assertThat(decided).extracting(Order::status).containsOnly("CONFIRMED", "REJECTED");
      long confirmedQuantity =
          decided.stream()
              .filter(o -> o.status().equals("CONFIRMED"))
              .mapToLong(o -> o.lines().get(0).quantity())
              .sum();
      assertThat(confirmedQuantity).as("units confirmed out of 5").isBetween(4L, 5L);
      int settled = 0;
      for (int i = 0; i < decided.size(); i++) {
        if (decided.get(i).status().equals("CONFIRMED")) {
          Session owner = customers.get(i % 2);
          UUID id = decided.get(i).id();
          String status =
              settled++ % 2 == 0
                  ? system
                      .client()
                      .pay(owner, id, system.unique("pay"), "tok_visa")
                      .order()
                      .status()
                  : system.client().cancel(owner, id).status();
          assertThat(status).isIn("PAID", "CANCELLED");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void everyOrderEndedInExactlyOneTerminalStateThatBothServicesAgreeOn(RunningSystem system) {
    List<Ledger.PlacedOrder> placed = system.ledger().orders();

    for (Ledger.PlacedOrder order : placed) {
      Order settled =
          system.client().awaitStatus(order.owner(), order.id(), SETTLE, Order.TERMINAL);
      assertThat(settled.status()).as("status of order %s", order.id()).isIn(Order.TERMINAL);
      // The processor learns of a payment or a cancel from order-service through Kafka; once it
      // has, its view must name the same terminal state, never a second one.
      assertThat(system.awaitOrderStatusView(order.owner(), order.id(), settled.status()).status())
          .as("the stream processor's status of order %s", order.id())
          .isEqualTo(settled.status());
    }

    // Each customer's own list holds exactly the orders placed for them: none lost, none doubled.
    Map<Session, List<UUID>> byOwner = new LinkedHashMap<>();
    placed.forEach(o -> byOwner.computeIfAbsent(o.owner(), s -> new ArrayList<>()).add(o.id()));
    for (Map.Entry<Session, List<UUID>> owner : byOwner.entrySet()) {
      List<Order> listed = allOrders(system, owner.getKey());
      assertThat(listed)
          .extracting(Order::id)
          .as("orders listed for %s", owner.getKey())
          .containsExactlyInAnyOrderElementsOf(owner.getValue());
      assertThat(listed).allSatisfy(o -> assertThat(o.status()).isIn(Order.TERMINAL));
    }
  }

  @Test
  @org.junit.jupiter.api.Order(3)
  void reservedStockIsTheSumOfTheLinesOfPaidAndConfirmedOrders(RunningSystem system) {
    Map<UUID, Long> expected = new HashMap<>();
    system.ledger().products().forEach(product -> expected.put(product, 0L));
    for (Ledger.PlacedOrder order : system.ledger().orders()) {
      String status = system.client().getOrder(order.owner(), order.id(), Duration.ZERO).status();
      if (HOLDING_STOCK.contains(status)) {
        for (Line line : order.lines()) {
          expected.merge(line.productId(), (long) line.quantity(), Long::sum);
        }
      }
    }
    assertThat(expected).as("products the tests created").isNotEmpty();

    // Releases travel from the order side to the stock side in a later transaction: wait for
    // that traffic to drain, after which the totals must agree exactly.
    await("reserved stock equals the live order lines")
        .atMost(RunningSystem.EVENTUAL)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              Map<UUID, Long> reserved =
                  system.client().stockViews(system.admin(), expected.keySet()).stream()
                      .collect(Collectors.toMap(StockView::productId, StockView::reserved));
              assertThat(reserved).isEqualTo(expected);
            });
  }

  @Test
  @org.junit.jupiter.api.Order(4)
  void availableIsOnHandMinusReservedForEveryProductInTheCatalog(RunningSystem system) {
    List<UUID> catalog = new ArrayList<>();
    String cursor = null;
    do {
      Page<Product> page = system.client().listProducts(100, cursor);
      page.items().forEach(product -> catalog.add(product.id()));
      cursor = page.nextCursor();
    } while (cursor != null);
    assertThat(catalog).containsAll(system.ledger().products());

    List<StockView> views = system.client().stockViews(system.admin(), catalog);

    assertThat(views).as("stock views of the catalog").isNotEmpty();
    assertThat(views)
        .allSatisfy(
            view -> {
              assertThat(view.reserved()).as("reserved of %s", view.productId()).isNotNegative();
              assertThat(view.available())
                  .as("available of %s", view.productId())
                  .isEqualTo(Math.max(0, view.onHand() - view.reserved()));
            });
  }

  private static List<Order> allOrders(RunningSystem system, Session owner) {
    List<Order> orders = new ArrayList<>();
    String cursor = null;
    do {
      Page<Order> page = system.client().ordersPage(owner, null, 100, cursor);
      orders.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return orders;
  }
}
