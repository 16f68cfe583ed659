package dev.stockroom.orderstream.topology;

import static dev.stockroom.orderstream.topology.StreamHarness.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stockroom.events.EventHeaders;
import dev.stockroom.events.OrderConfirmed;
import dev.stockroom.events.OrderLine;
import dev.stockroom.events.OrderRejected;
import dev.stockroom.events.OrderReleased;
import dev.stockroom.events.RejectedLine;
import dev.stockroom.events.RejectionReason;
import dev.stockroom.events.ReleaseCause;
import dev.stockroom.events.StockView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reservation rules of ARCHITECTURE.md, each through the whole topology. */
class OrderTopologyTest {
  private static final UUID KEYBOARD = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
  private static final UUID MONITOR = UUID.fromString("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e");
  private static final UUID MOUSE = UUID.fromString("c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f");
  private static final Duration TTL = StreamHarness.defaultConfig().reservationTtl();
  private static final Instant DEADLINE = StreamHarness.START.plus(TTL);

  @TempDir Path stateDir;
  private StreamHarness harness;

  @BeforeEach
  void startDriver() {
    harness = StreamHarness.whole(stateDir);
  }

  @AfterEach
  void closeDriver() {
    harness.close();
  }

  @Test
  void confirmsAMultiLineOrderWhenEveryLineFits() {
    harness.stockLevel(KEYBOARD, 10, 1);
    harness.stockLevel(MONITOR, 5, 1);
    UUID order = UUID.randomUUID();

    harness.place(order, line(KEYBOARD, 3), line(MONITOR, 5));

    assertThat(harness.decisions(order))
        .containsExactly(
            new OrderConfirmed(order, List.of(line(KEYBOARD, 3), line(MONITOR, 5)), DEADLINE));
    assertThat(harness.lastView(KEYBOARD)).isEqualTo(new StockView(KEYBOARD, 10, 3, 7, 1));
    assertThat(harness.lastView(MONITOR)).isEqualTo(new StockView(MONITOR, 5, 5, 0, 1));
    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(harness.order(order).expiresAt()).isEqualTo(DEADLINE);
  }

  @Test
  void oneShortLineRejectsTheOrderAndGivesBackTheOtherLines() {
    harness.stockLevel(KEYBOARD, 10, 1);
    harness.stockLevel(MONITOR, 1, 1);
    UUID order = UUID.randomUUID();

    harness.place(order, line(KEYBOARD, 3), line(MONITOR, 2));

    assertThat(harness.decisions(order))
        .containsExactly(
            new OrderRejected(
                order,
                RejectionReason.OUT_OF_STOCK,
                List.of(
                    new RejectedLine(KEYBOARD, 3, null),
                    new RejectedLine(MONITOR, 2, RejectionReason.OUT_OF_STOCK))));
    assertThat(harness.views(KEYBOARD))
        .extracting(StockView::reserved)
        .as("reserved, then released when the monitor line failed")
        .containsExactly(0L, 3L, 0L);
    assertThat(harness.lastView(KEYBOARD).available()).isEqualTo(10);
    assertThat(harness.views(MONITOR)).extracting(StockView::reserved).containsExactly(0L);
    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(harness.heldReservations(KEYBOARD)).isZero();
  }

  @Test
  void aProductWithoutAStockLevelRejectsTheOrderAsUnknownProduct() {
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();

    harness.place(order, line(KEYBOARD, 1), line(MOUSE, 1));

    assertThat(harness.decisions(order))
        .containsExactly(
            new OrderRejected(
                order,
                RejectionReason.UNKNOWN_PRODUCT,
                List.of(
                    new RejectedLine(KEYBOARD, 1, null),
                    new RejectedLine(MOUSE, 1, RejectionReason.UNKNOWN_PRODUCT))));
    assertThat(harness.stock(MOUSE)).isNull();
    assertThat(harness.views(MOUSE)).isEmpty();
    assertThat(harness.lastView(KEYBOARD).reserved()).isZero();
  }

  @Test
  void unknownProductOutranksOutOfStockInTheOrderReason() {
    harness.stockLevel(KEYBOARD, 0, 1);
    UUID order = UUID.randomUUID();

    harness.place(order, line(KEYBOARD, 1), line(MOUSE, 1));

    OrderRejected rejected = (OrderRejected) harness.decisions(order).get(0);
    assertThat(rejected.reason()).isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
    assertThat(rejected.lines())
        .extracting(RejectedLine::reason)
        .containsExactly(RejectionReason.OUT_OF_STOCK, RejectionReason.UNKNOWN_PRODUCT);
  }

  @Test
  void aDuplicateOrderPlacedReservesOnlyOnce() {
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();
    String placed = harness.place(order, line(KEYBOARD, 4));

    harness.pipeOrder(order.toString(), placed);
    harness.place(order, line(KEYBOARD, 4)); // same order, new eventId: a retried publish

    assertThat(harness.decisions(order)).hasSize(1).first().isInstanceOf(OrderConfirmed.class);
    assertThat(harness.lastView(KEYBOARD).reserved()).isEqualTo(4);
    assertThat(harness.views(KEYBOARD)).hasSize(2);
  }

  @Test
  void aDuplicateOrderCancelledReleasesOnlyOnce() {
    harness.stockLevel(KEYBOARD, 10, 1);
    harness.stockLevel(MONITOR, 10, 1);
    UUID other = UUID.randomUUID();
    harness.place(other, line(KEYBOARD, 2));
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 3), line(MONITOR, 1));
    String cancel = harness.cancel(order);

    harness.pipeOrder(order.toString(), cancel);
    harness.cancel(order);

    assertThat(harness.decisions(order))
        .containsExactly(
            new OrderConfirmed(order, List.of(line(KEYBOARD, 3), line(MONITOR, 1)), DEADLINE),
            new OrderReleased(order, ReleaseCause.CANCELLED));
    assertThat(harness.lastView(KEYBOARD).reserved())
        .as("the other order keeps its 2")
        .isEqualTo(2);
    assertThat(harness.lastView(MONITOR).reserved()).isZero();
  }

  @Test
  void aDuplicateOrderPaidChangesNothing() {
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 2));
    String paid = harness.pay(order);
    OrderState afterFirst = harness.order(order);
    int viewsAfterFirst = harness.views(KEYBOARD).size();

    harness.pipeOrder(order.toString(), paid);
    harness.pay(order);

    assertThat(harness.order(order)).isEqualTo(afterFirst);
    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.PAID);
    assertThat(harness.decisions(order)).hasSize(1);
    assertThat(harness.views(KEYBOARD)).hasSize(viewsAfterFirst);
  }

  @Test
  void aDuplicateStockLevelSetChangesNothing() {
    harness.stockLevel(KEYBOARD, 10, 3);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 4));

    harness.stockLevel(KEYBOARD, 10, 3);

    assertThat(harness.views(KEYBOARD))
        .containsExactly(
            new StockView(KEYBOARD, 10, 0, 10, 3), new StockView(KEYBOARD, 10, 4, 6, 3));
  }

  @Test
  void anOlderInventoryVersionIsIgnored() {
    harness.stockLevel(KEYBOARD, 10, 5);

    harness.stockLevel(KEYBOARD, 100, 4);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 20));

    assertThat(harness.views(KEYBOARD)).containsExactly(new StockView(KEYBOARD, 10, 0, 10, 5));
    assertThat(harness.decisions(order)).first().isInstanceOf(OrderRejected.class);
  }

  @Test
  void cancellingAConfirmedOrderReturnsItsStock() {
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 6));

    harness.cancel(order);

    assertThat(harness.decisions(order))
        .containsExactly(
            new OrderConfirmed(order, List.of(line(KEYBOARD, 6)), DEADLINE),
            new OrderReleased(order, ReleaseCause.CANCELLED));
    assertThat(harness.views(KEYBOARD))
        .extracting(StockView::available)
        .containsExactly(10L, 4L, 10L);
    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void theConfirmationCarriesThePaymentDeadlineOfConfirmationTimePlusTheTtl() {
    harness.stockLevel(KEYBOARD, 10, 1);
    harness.advance(Duration.ofMinutes(7));
    UUID order = UUID.randomUUID();

    harness.place(order, line(KEYBOARD, 2));

    Instant deadline = StreamHarness.START.plus(Duration.ofMinutes(7)).plus(TTL);
    assertThat(harness.decisions(order))
        .containsExactly(new OrderConfirmed(order, List.of(line(KEYBOARD, 2)), deadline));
    assertThat(harness.order(order).expiresAt()).isEqualTo(deadline);
  }

  @Test
  void orderExpiredReleasesTheStockOfAConfirmedOrder() {
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 6));

    harness.expire(order);

    assertThat(harness.decisions(order))
        .containsExactly(
            new OrderConfirmed(order, List.of(line(KEYBOARD, 6)), DEADLINE),
            new OrderReleased(order, ReleaseCause.EXPIRED));
    assertThat(harness.views(KEYBOARD))
        .extracting(StockView::reserved, StockView::available)
        .containsExactly(tuple(0L, 10L), tuple(6L, 4L), tuple(0L, 10L));
    assertThat(harness.heldReservations(KEYBOARD)).isZero();
    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(harness.order(order).expiresAt()).isNull();
  }

  @Test
  void aDuplicateOrderExpiredReleasesOnlyOnce() {
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID other = UUID.randomUUID();
    harness.place(other, line(KEYBOARD, 2));
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 3));
    String expired = harness.expire(order);

    harness.pipeOrder(order.toString(), expired);
    harness.expire(order); // same order, new eventId: a retried publish

    assertThat(harness.decisions(order))
        .containsExactly(
            new OrderConfirmed(order, List.of(line(KEYBOARD, 3)), DEADLINE),
            new OrderReleased(order, ReleaseCause.EXPIRED));
    assertThat(harness.lastView(KEYBOARD).reserved())
        .as("the other order keeps its 2")
        .isEqualTo(2);
    assertThat(harness.heldReservations(KEYBOARD)).isEqualTo(2);
  }

  @Test
  void orderExpiredAfterPaymentChangesNothing() {
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 6));
    harness.pay(order);
    OrderState paid = harness.order(order);

    harness.expire(order);

    assertThat(harness.decisions(order)).hasSize(1).first().isInstanceOf(OrderConfirmed.class);
    assertThat(harness.order(order)).isEqualTo(paid);
    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.PAID);
    assertThat(harness.lastView(KEYBOARD).reserved()).isEqualTo(6);
    assertThat(harness.heldReservations(KEYBOARD)).isEqualTo(6);
  }

  @Test
  void orderExpiredAfterACancelChangesNothing() {
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 6));
    harness.cancel(order);
    int viewsAfterCancel = harness.views(KEYBOARD).size();

    harness.expire(order);

    assertThat(harness.decisions(order))
        .containsExactly(
            new OrderConfirmed(order, List.of(line(KEYBOARD, 6)), DEADLINE),
            new OrderReleased(order, ReleaseCause.CANCELLED));
    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(harness.views(KEYBOARD)).hasSize(viewsAfterCancel);
    assertThat(harness.lastView(KEYBOARD).reserved()).isZero();
  }

  @Test
  void theProcessorDoesNotExpireAnUnpaidOrderByItself() {
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();
    harness.place(order, line(KEYBOARD, 6));

    harness.advance(TTL.multipliedBy(3));

    assertThat(harness.decisions(order)).hasSize(1).first().isInstanceOf(OrderConfirmed.class);
    assertThat(harness.order(order).status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(harness.lastView(KEYBOARD).reserved()).isEqualTo(6);
    assertThat(harness.heldReservations(KEYBOARD)).isEqualTo(6);
  }

  @Test
  void aCancelAfterPaymentOrRejectionChangesNothing() {
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID paid = UUID.randomUUID();
    harness.place(paid, line(KEYBOARD, 6));
    harness.pay(paid);
    UUID rejected = UUID.randomUUID();
    harness.place(rejected, line(KEYBOARD, 6));

    harness.cancel(paid);
    harness.cancel(rejected);

    assertThat(harness.decisions(paid)).hasSize(1);
    assertThat(harness.decisions(rejected)).hasSize(1);
    assertThat(harness.order(paid).status()).isEqualTo(OrderStatus.PAID);
    assertThat(harness.order(rejected).status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(harness.lastView(KEYBOARD).reserved()).isEqualTo(6);
  }

  @Test
  void aRestockAfterARejectionLetsTheNextOrderThrough() {
    harness.stockLevel(KEYBOARD, 2, 1);
    UUID first = UUID.randomUUID();
    harness.place(first, line(KEYBOARD, 5));

    harness.stockLevel(KEYBOARD, 8, 2);
    UUID second = UUID.randomUUID();
    harness.place(second, line(KEYBOARD, 5));

    assertThat(harness.decisions(first)).first().isInstanceOf(OrderRejected.class);
    assertThat(harness.decisions(second)).first().isInstanceOf(OrderConfirmed.class);
    assertThat(harness.lastView(KEYBOARD)).isEqualTo(new StockView(KEYBOARD, 8, 5, 3, 2));
  }

  @Test
  void loweringOnHandBelowReservedKeepsReservationsAndShowsNothingAvailable() {
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID held = UUID.randomUUID();
    harness.place(held, line(KEYBOARD, 8));

    harness.stockLevel(KEYBOARD, 5, 2);
    UUID next = UUID.randomUUID();
    harness.place(next, line(KEYBOARD, 1));

    assertThat(harness.lastView(KEYBOARD)).isEqualTo(new StockView(KEYBOARD, 5, 8, 0, 2));
    assertThat(harness.order(held).status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(harness.decisions(next)).first().isInstanceOf(OrderRejected.class);

    harness.cancel(held);

    assertThat(harness.lastView(KEYBOARD)).isEqualTo(new StockView(KEYBOARD, 5, 0, 5, 2));
  }

  @Test
  void decisionsCarryEventHeadersAndTheOrdersTrace() {
    harness.stockLevel(KEYBOARD, 10, 1);
    UUID order = UUID.randomUUID();

    harness.place(order, line(KEYBOARD, 1));

    harness.decisions(order);
    TestRecord<String, String> record = harness.statusRecords.get(0);
    assertThat(record.key()).isEqualTo(order.toString());
    assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo(OrderConfirmed.TYPE);
    assertThat(header(record, EventHeaders.EVENT_ID)).isNotBlank();
    assertThat(header(record, EventHeaders.TRACEPARENT)).isEqualTo(StreamHarness.TRACEPARENT);
  }

  @Test
  void everyOrderLineOfOneProductIsReservedSeparately() {
    harness.stockLevel(KEYBOARD, 5, 1);
    UUID order = UUID.randomUUID();
    OrderLine three = line(KEYBOARD, 3);

    harness.place(order, three, three);

    assertThat(harness.decisions(order)).first().isInstanceOf(OrderRejected.class);
    assertThat(harness.lastView(KEYBOARD).reserved())
        .as("3 + 3 does not fit in 5, and the first 3 is given back")
        .isZero();
  }

  private static String header(TestRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
