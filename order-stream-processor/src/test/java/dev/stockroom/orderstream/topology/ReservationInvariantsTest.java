package dev.stockroom.orderstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.events.OrderConfirmed;
import dev.stockroom.events.OrderLine;
import dev.stockroom.events.OrderRejected;
import dev.stockroom.events.OrderReleased;
import dev.stockroom.events.ReleaseCause;
import dev.stockroom.events.StockView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random traffic (orders, cancels, payments, expiries, restocks, older and repeated inventory
 * versions, redelivered order events, time passing) over a handful of products, then the invariants
 * of ARCHITECTURE.md checked from what the topology published, the way a downstream reader sees it.
 * Expiries go to any order, as a late or redelivered OrderExpired could; order-service itself only
 * expires orders it has not been paid for.
 */
class ReservationInvariantsTest {
  private static final int OPERATIONS = 400;
  private static final Duration TTL = StreamHarness.defaultConfig().reservationTtl();

  @TempDir Path stateDir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 1_234, 987_654_321})
  void invariantsHoldUnderRandomTraffic(long seed) {
    Random random = new Random(seed);
    List<UUID> products = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      products.add(new UUID(0xABCDL, i));
    }
    UUID neverStocked = products.get(4);
    Map<UUID, Long> versions = new HashMap<>();
    Map<UUID, Long> onHands = new HashMap<>();
    Map<UUID, List<OrderLine>> orders = new HashMap<>();
    Map<UUID, Instant> placedAt = new HashMap<>();
    List<UUID> orderIds = new ArrayList<>();
    List<String[]> sentOrderEvents = new ArrayList<>();

    try (StreamHarness harness = StreamHarness.whole(stateDir)) {
      for (UUID product : products.subList(0, 4)) {
        long onHand = 5 + random.nextInt(16);
        harness.stockLevel(product, onHand, 1);
        versions.put(product, 1L);
        onHands.put(product, onHand);
      }
      for (int op = 0; op < OPERATIONS; op++) {
        double dice = random.nextDouble();
        if (dice < 0.40 || orderIds.isEmpty()) {
          UUID orderId = new UUID(seed, op);
          List<OrderLine> lines = new ArrayList<>();
          int count = 1 + random.nextInt(3);
          for (int l = 0; l < count; l++) {
            UUID product = random.nextInt(12) == 0 ? neverStocked : products.get(random.nextInt(4));
            lines.add(StreamHarness.line(product, 1 + random.nextInt(4)));
          }
          orders.put(orderId, lines);
          placedAt.put(orderId, harness.now());
          orderIds.add(orderId);
          String json = harness.place(orderId, lines.toArray(OrderLine[]::new));
          sentOrderEvents.add(new String[] {orderId.toString(), json});
        } else if (dice < 0.50) {
          UUID orderId = orderIds.get(random.nextInt(orderIds.size()));
          sentOrderEvents.add(new String[] {orderId.toString(), harness.cancel(orderId)});
        } else if (dice < 0.63) {
          UUID orderId = orderIds.get(random.nextInt(orderIds.size()));
          sentOrderEvents.add(new String[] {orderId.toString(), harness.pay(orderId)});
        } else if (dice < 0.71) {
          UUID orderId = orderIds.get(random.nextInt(orderIds.size()));
          sentOrderEvents.add(new String[] {orderId.toString(), harness.expire(orderId)});
        } else if (dice < 0.82) {
          UUID product = products.get(random.nextInt(4));
          long version = versions.get(product);
          int kind = random.nextInt(10);
          if (kind < 7) {
            long onHand = random.nextInt(41);
            harness.stockLevel(product, onHand, version + 1);
            versions.put(product, version + 1);
            onHands.put(product, onHand);
          } else if (kind < 9) {
            harness.stockLevel(product, 1_000, Math.max(0, version - 1 - random.nextInt(3)));
          } else {
            harness.stockLevel(product, onHands.get(product), version);
          }
        } else if (dice < 0.93) {
          String[] again = sentOrderEvents.get(random.nextInt(sentOrderEvents.size()));
          harness.pipeOrder(again[0], again[1]);
        } else {
          harness.advance(Duration.ofSeconds(random.nextInt((int) TTL.toSeconds() / 3)));
        }
      }

      checkInvariants(harness, products, orders, placedAt, onHands);
      Map<String, Integer> beforeSweep = outcomes(harness, orderIds);

      // order-service's sweeper, once every deadline has passed: it expires what is unpaid.
      harness.advance(TTL.plusSeconds(5));
      for (UUID orderId : orderIds) {
        if (harness.order(orderId).status() == OrderStatus.CONFIRMED) {
          harness.expire(orderId);
        }
      }
      checkInvariants(harness, products, orders, placedAt, onHands);
      Map<String, Integer> afterSweep = outcomes(harness, orderIds);
      assertThat(afterSweep)
          .as("every unpaid confirmed order has expired")
          .doesNotContainKey("CONFIRMED");
      assertThat(afterSweep.get("PAID"))
          .as("paid orders stay paid")
          .isEqualTo(beforeSweep.get("PAID"));
      assertThat(beforeSweep)
          .as("the traffic reached every outcome, so the checks are not vacuous")
          .containsKeys("CONFIRMED", "REJECTED", "CANCELLED", "EXPIRED", "PAID");
    }
  }

  private static void checkInvariants(
      StreamHarness harness,
      List<UUID> products,
      Map<UUID, List<OrderLine>> orders,
      Map<UUID, Instant> placedAt,
      Map<UUID, Long> onHands) {
    // Invariant 1, on every view ever published.
    Map<UUID, StockView> previous = new HashMap<>();
    for (StockView view : harness.views) {
      assertThat(view.reserved()).as("reserved of %s", view).isNotNegative();
      assertThat(view.available())
          .as("available of %s", view)
          .isEqualTo(Math.max(0, view.onHand() - view.reserved()));
      StockView before = previous.put(view.productId(), view);
      if (before != null && view.reserved() > before.reserved()) {
        assertThat(view.reserved())
            .as("a line is reserved only when it fits: %s after %s", view, before)
            .isLessThanOrEqualTo(view.onHand());
      }
    }
    for (UUID product : products) {
      StockState state = harness.stock(product);
      if (onHands.containsKey(product)) {
        assertThat(state.onHand()).isEqualTo(onHands.get(product));
      }
    }

    // Invariant 3: exactly one decision per order, at most one release after a confirmation.
    Map<UUID, Long> liveReserved = new HashMap<>();
    for (Map.Entry<UUID, List<OrderLine>> entry : orders.entrySet()) {
      UUID orderId = entry.getKey();
      List<Object> decisions = harness.decisions(orderId);
      OrderStatus status = harness.order(orderId).status();
      assertThat(decisions).as("decisions of %s", orderId).isNotEmpty();
      Object first = decisions.get(0);
      if (first instanceof OrderRejected) {
        assertThat(decisions).as("decisions of %s", orderId).hasSize(1);
        assertThat(status).isEqualTo(OrderStatus.REJECTED);
      } else {
        // The whole topology decides an order while placing it, so never after a payment.
        assertThat(first)
            .isEqualTo(
                new OrderConfirmed(orderId, entry.getValue(), placedAt.get(orderId).plus(TTL)));
        assertThat(decisions).as("decisions of %s", orderId).hasSizeLessThanOrEqualTo(2);
        if (decisions.size() == 2) {
          OrderReleased released = (OrderReleased) decisions.get(1);
          assertThat(status)
              .isEqualTo(
                  released.cause() == ReleaseCause.EXPIRED
                      ? OrderStatus.EXPIRED
                      : OrderStatus.CANCELLED);
        } else {
          assertThat(status).isIn(OrderStatus.CONFIRMED, OrderStatus.PAID);
          for (OrderLine line : entry.getValue()) {
            liveReserved.merge(line.productId(), (long) line.quantity(), Long::sum);
          }
        }
      }
    }

    // Invariant 2: reserved is exactly the live orders' lines, in the view and in both stores.
    for (UUID product : products) {
      long expected = liveReserved.getOrDefault(product, 0L);
      StockView last = harness.lastView(product);
      assertThat(last == null ? 0 : last.reserved())
          .as("published reserved of %s", product)
          .isEqualTo(expected);
      assertThat(harness.heldReservations(product))
          .as("held reservations of %s", product)
          .isEqualTo(expected);
      StockState state = harness.stock(product);
      assertThat(state == null ? 0 : state.reserved()).isEqualTo(expected);
    }
  }

  private static Map<String, Integer> outcomes(StreamHarness harness, List<UUID> orderIds) {
    Map<String, Integer> counts = new HashMap<>();
    for (UUID orderId : orderIds) {
      counts.merge(harness.order(orderId).status().name(), 1, Integer::sum);
    }
    return counts;
  }
}
