package dev.stockroom.orderstream.topology;

import static dev.stockroom.orderstream.topology.StreamHarness.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.events.OrderConfirmed;
import dev.stockroom.events.OrderReleased;
import dev.stockroom.events.ReleaseCause;
import dev.stockroom.events.StockView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terminal orders are forgotten once {@code terminalOrderRetention} has passed since they ended,
 * and only they: the order-state store stops growing with the order count, while the duplicate
 * guard and the stock side are unchanged for as long as a duplicate can arrive.
 */
class TerminalOrderRetentionTest {
  private static final UUID KEYBOARD = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
  private static final Duration RETENTION = StreamHarness.defaultConfig().terminalOrderRetention();

  /** Longer than a scan interval, so the sweep has run by then. */
  private static final Duration SWEEP = Duration.ofMinutes(2);

  @TempDir Path stateDir;
  private StreamHarness harness;

  @AfterEach
  void closeDriver() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void aPaidOrderIsKeptForTheRetentionFromItsPaymentThenForgotten() {
    harness = StreamHarness.whole(stateDir);
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 2));
    // Paid an hour after it was placed: the retention counts from the payment, so the first check
    // below is already past placement + retention.
    harness.advance(Duration.ofHours(1));

    harness.pay(order);

    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.PAID);
    assertKeptForTheRetentionThenForgotten(order);
  }

  @Test
  void anOrderPaidBeforeItsDecisionIsForgottenAfterTheRetention() {
    harness = StreamHarness.orderSideOnly(stateDir);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 2));
    harness.pay(order);

    harness.lineResult(order, 0, KEYBOARD, 2, LineStatus.RESERVED);

    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.PAID);
    assertKeptForTheRetentionThenForgotten(order);
  }

  @Test
  void aRejectedOrderIsForgottenAfterTheRetention() {
    harness = StreamHarness.whole(stateDir);
    harness.stockLevel(KEYBOARD, 1, 1);
    UUID order = UUID.randomUUID();

    harness.place(order, line(KEYBOARD, 2));

    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.REJECTED);
    assertKeptForTheRetentionThenForgotten(order);
  }

  @Test
  void aCancelledOrderIsForgottenAfterTheRetention() {
    harness = StreamHarness.whole(stateDir);
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 2));

    harness.cancel(order);

    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.CANCELLED);
    assertKeptForTheRetentionThenForgotten(order);
  }

  @Test
  void anExpiredOrderIsForgottenAfterTheRetention() {
    harness = StreamHarness.whole(stateDir);
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 2));

    harness.expire(order);

    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.EXPIRED);
    assertKeptForTheRetentionThenForgotten(order);
  }

  @Test
  void ordersEndedAtDifferentTimesAreForgottenEachWhenItsRetentionPasses() {
    harness = StreamHarness.whole(stateDir);
    harness.stockLevel(KEYBOARD, 1, 1);
    UUID first = UUID.randomUUID();
    harness.place(first, line(KEYBOARD, 2));
    harness.advance(Duration.ofHours(1));
    UUID second = UUID.randomUUID();
    harness.place(second, line(KEYBOARD, 2));

    harness.advance(RETENTION.minus(Duration.ofHours(1)).plus(SWEEP));
    assertThat(harness.order(first)).isNull();
    assertThat(harness.order(second)).isNotNull();

    harness.advance(Duration.ofHours(1));
    assertThat(harness.order(second))
        .as("the next sweep, which starts where the last one stopped, still finds it")
        .isNull();
    assertThat(harness.retentionIndex()).isEmpty();
  }

  @Test
  void aConfirmedOrderIsNeverForgotten() {
    harness = StreamHarness.whole(stateDir);
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 2));

    harness.advance(RETENTION.multipliedBy(3));

    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(harness.retentionIndex()).isEmpty();
    assertThat(harness.heldReservations(KEYBOARD)).isEqualTo(2);
  }

  @Test
  void aPendingOrderIsNeverForgotten() {
    harness = StreamHarness.orderSideOnly(stateDir);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 2));

    harness.advance(RETENTION.multipliedBy(3));

    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.PENDING);
    assertThat(harness.retentionIndex()).isEmpty();
  }

  @Test
  void aDuplicateOrderPlacedWithinTheRetentionReservesNothing() {
    harness = StreamHarness.whole(stateDir);
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();
    String placed = harness.place(order, line(KEYBOARD, 4));
    harness.cancel(order);
    harness.advance(RETENTION.minus(SWEEP));
    int viewsBefore = harness.views(KEYBOARD).size();

    harness.pipeOrder(order.toString(), placed);

    assertThat(harness.decisions(order))
        .containsExactly(
            new OrderConfirmed(
                order,
                List.of(line(KEYBOARD, 4)),
                StreamHarness.START.plus(StreamHarness.defaultConfig().reservationTtl())),
            new OrderReleased(order, ReleaseCause.CANCELLED));
    assertThat(harness.views(KEYBOARD)).hasSize(viewsBefore);
    assertThat(harness.heldReservations(KEYBOARD)).isZero();
    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void forgettingAPaidOrderKeepsItsStockReservedDropsItsLineRecordsAndPublishesNothing() {
    harness = StreamHarness.whole(stateDir);
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 4));
    harness.pay(order);
    assertThat(harness.heldReservations(KEYBOARD)).isEqualTo(4);
    List<StockView> viewsBefore = harness.views(KEYBOARD);
    int decisionsBefore = harness.allDecisions().size();

    harness.advance(RETENTION.plus(SWEEP));

    assertThat(harness.order(order)).isNull();
    assertThat(harness.heldReservations(KEYBOARD))
        .as("the stock side's per-line records go with the order, so neither store grows")
        .isZero();
    assertThat(harness.stock(KEYBOARD).reserved()).isEqualTo(4);
    assertThat(harness.views(KEYBOARD))
        .as("no release reached the stock side")
        .isEqualTo(viewsBefore);
    assertThat(harness.lastView(KEYBOARD)).isEqualTo(new StockView(KEYBOARD, 10, 4, 6, 1));
    assertThat(harness.allDecisions()).hasSize(decisionsBefore);
  }

  @Test
  void anEventForAForgottenOrderIsDeadLetteredAsAnUnknownOrder() {
    harness = StreamHarness.whole(stateDir);
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 4));
    harness.cancel(order);
    harness.advance(RETENTION.plus(SWEEP));

    harness.cancel(order);

    assertThat(harness.deadLetters()).hasSize(1);
    assertThat(
            new String(
                harness.deadLetters().get(0).headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8))
        .startsWith("no order");
    assertThat(harness.order(order)).isNull();
  }

  @Test
  void theIndexSortsByWhenToForget() {
    UUID order = UUID.fromString("00000000-0000-4000-8000-000000000001");
    Instant at = Instant.ofEpochMilli(1_700_000_000_000L);

    assertThat(OrderProcessor.retentionKey(at, order))
        .isEqualTo("0000001700000000000/00000000-0000-4000-8000-000000000001");
    assertThat(OrderProcessor.retentionKey(at, order))
        .as("a scan bound includes every order due in its millisecond")
        .isLessThan(OrderProcessor.retentionKey(at, null))
        .isLessThan(OrderProcessor.retentionKey(at.plusMillis(1), UUID.randomUUID()));
  }

  /** The order ended at the harness's current time. */
  private void assertKeptForTheRetentionThenForgotten(UUID order) {
    OrderState ended = harness.order(order);
    assertThat(harness.retentionIndex()).hasSize(1);

    harness.advance(RETENTION.minus(SWEEP));
    assertThat(harness.order(order)).as("within the retention").isEqualTo(ended);

    harness.advance(SWEEP.multipliedBy(2));
    assertThat(harness.order(order)).as("after the retention").isNull();
    assertThat(harness.retentionIndex()).as("and its index entry").isEmpty();
  }
}
