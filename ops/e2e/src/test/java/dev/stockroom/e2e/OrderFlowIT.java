package dev.stockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stockroom.client.Line;
import dev.stockroom.client.Order;
import dev.stockroom.client.OrderLine;
import dev.stockroom.client.OrderStatusView;
import dev.stockroom.client.Payment;
import dev.stockroom.client.Product;
import dev.stockroom.client.Session;
import dev.stockroom.client.StockView;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The main flow across all four services, through their public APIs only: an admin stocks the
 * catalog (product-service), a customer registers and logs in (user-service) and orders
 * (order-service), the stream processor reserves and decides, and its stock view shows the
 * reservations. Every order ends PAID, REJECTED or CANCELLED here; InvariantsIT checks them again
 * at the end of the run.
 */
@org.junit.jupiter.api.Order(1)
@ExtendWith(StockroomSystem.class)
class OrderFlowIT {
  private static final Set<String> DECIDED = Set.of("CONFIRMED", "REJECTED");

  private static Session customer;

  @BeforeAll
  static void registerCustomer(RunningSystem system) {
    customer = system.newCustomer("ada");
  }

  @Test
  void confirmsAMultiLineOrderReservesEveryLineAndKeepsThemWhenPaid(RunningSystem system) {
    Product keyboard = system.newProduct("keyboard", 12_999, 10);
    Product mouse = system.newProduct("mouse", 2_999, 5);

    Order placed =
        system.place(customer, List.of(new Line(keyboard.id(), 3), new Line(mouse.id(), 2)));
    Order confirmed = system.awaitStatus(customer, placed.id(), DECIDED);

    assertThat(confirmed.status()).isEqualTo("CONFIRMED");
    assertThat(confirmed.lines())
        .extracting(OrderLine::productId, OrderLine::quantity, OrderLine::unitPriceMinor)
        .containsExactlyInAnyOrder(tuple(keyboard.id(), 3, 12_999L), tuple(mouse.id(), 2, 2_999L));
    assertThat(confirmed.totalMinor()).isEqualTo(3 * 12_999L + 2 * 2_999L);
    assertThat(confirmed.currency()).isEqualTo(RunningSystem.CURRENCY);
    assertThat(system.awaitReserved(keyboard.id(), 3))
        .extracting(StockView::onHand, StockView::available)
        .containsExactly(10L, 7L);
    assertThat(system.awaitReserved(mouse.id(), 2))
        .extracting(StockView::onHand, StockView::available)
        .containsExactly(5L, 3L);
    OrderStatusView waiting = system.client().orderStatus(customer, placed.id(), Duration.ZERO);
    assertThat(waiting.status()).isEqualTo("CONFIRMED");
    assertThat(waiting.expiresAt()).as("a confirmed order waits for payment until").isNotNull();

    Payment payment = system.client().pay(customer, placed.id(), system.unique("pay"), "tok_visa");

    assertThat(payment.orderId()).isEqualTo(placed.id());
    assertThat(payment.order().status()).isEqualTo("PAID");
    assertThat(system.client().getOrder(customer, placed.id(), Duration.ZERO).status())
        .isEqualTo("PAID");
    assertThat(system.awaitOrderStatusView(customer, placed.id(), "PAID").expiresAt())
        .as("a paid order no longer expires")
        .isNull();
    // Paid stock stays reserved: it has been sold, not released.
    assertThat(system.client().stockView(system.admin(), keyboard.id()).reserved()).isEqualTo(3);
    assertThat(system.client().stockView(system.admin(), mouse.id()).reserved()).isEqualTo(2);
  }

  @Test
  void rejectsAnOrderThatExceedsTheStockNamingTheShortLine(RunningSystem system) {
    Product lamp = system.newProduct("lamp", 4_999, 10);
    Product chair = system.newProduct("chair", 19_900, 1);

    Order placed = system.place(customer, List.of(new Line(lamp.id(), 2), new Line(chair.id(), 5)));
    Order rejected = system.awaitStatus(customer, placed.id(), DECIDED);

    assertThat(rejected.status()).isEqualTo("REJECTED");
    assertThat(rejected.statusReason()).isEqualTo("OUT_OF_STOCK");
    assertThat(rejected.lines())
        .extracting(OrderLine::productId, OrderLine::rejectionReason)
        .containsExactlyInAnyOrder(tuple(lamp.id(), null), tuple(chair.id(), "OUT_OF_STOCK"));
    // The lamp line may have been reserved before the chair line failed: it is given back.
    assertThat(system.awaitReserved(lamp.id(), 0).available()).isEqualTo(10);
    assertThat(system.awaitReserved(chair.id(), 0).available()).isEqualTo(1);
    assertThat(system.awaitOrderStatusView(customer, placed.id(), "REJECTED").lines())
        .extracting(OrderStatusView.LineStatus::productId, OrderStatusView.LineStatus::status)
        .containsExactlyInAnyOrder(tuple(lamp.id(), "RELEASED"), tuple(chair.id(), "OUT_OF_STOCK"));
  }

  @Test
  void cancellingAConfirmedOrderGivesItsStockBack(RunningSystem system) {
    Product mug = system.newProduct("mug", 1_250, 4);

    Order first = system.place(customer, List.of(new Line(mug.id(), 3)));
    assertThat(system.awaitStatus(customer, first.id(), DECIDED).status()).isEqualTo("CONFIRMED");
    assertThat(system.awaitReserved(mug.id(), 3).available()).isEqualTo(1);

    Order cancelled = system.client().cancel(customer, first.id());

    assertThat(cancelled.status()).isEqualTo("CANCELLED");
    assertThat(system.awaitReserved(mug.id(), 0).available()).isEqualTo(4);
    system.awaitOrderStatusView(customer, first.id(), "CANCELLED");

    // The released units really are sellable again: all four fit in the next order.
    Order second = system.place(customer, List.of(new Line(mug.id(), 4)));
    assertThat(system.awaitStatus(customer, second.id(), DECIDED).status()).isEqualTo("CONFIRMED");
    assertThat(
            system
                .client()
                .pay(customer, second.id(), system.unique("pay"), "tok_visa")
                .order()
                .status())
        .isEqualTo("PAID");
    assertThat(system.awaitReserved(mug.id(), 4).available()).isZero();
  }
}
