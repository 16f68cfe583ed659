package dev.stockroom.e2e;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stockroom.client.ApiException;
import dev.stockroom.client.Line;
import dev.stockroom.client.Order;
import dev.stockroom.client.OrderStatusView;
import dev.stockroom.client.Product;
import dev.stockroom.client.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A confirmed order that nobody pays loses its reservation at its deadline: the stream processor
 * sets it ({@code streams.reservationTtl}, {@link ProcessHarness#RESERVATION_TTL} here) and both
 * services show it; order-service's sweep (every second) expires the order and publishes
 * OrderExpired, on which the processor releases the stock. The order can then be neither paid nor
 * cancelled.
 */
@org.junit.jupiter.api.Order(2)
@ExtendWith(StockroomSystem.class)
class ReservationExpiryIT {
  private static final Logger LOG = LoggerFactory.getLogger(ReservationExpiryIT.class);

  @Test
  void anUnpaidConfirmedOrderExpiresAndItsStockIsReleased(RunningSystem system) {
    Session customer = system.newCustomer("grace");
    Product kettle = system.newProduct("kettle", 3_450, 5);

    Order placed = system.place(customer, List.of(new Line(kettle.id(), 2)));
    Order confirmed = system.awaitStatus(customer, placed.id(), Set.of("CONFIRMED"));
    assertThat(confirmed.status()).isEqualTo("CONFIRMED");
    OrderStatusView waiting = system.client().orderStatus(customer, placed.id(), Duration.ZERO);
    assertThat(waiting.expiresAt())
        .as("expiry of the reservation")
        .isBetween(
            Instant.now().minusSeconds(1),
            Instant.now().plus(ProcessHarness.RESERVATION_TTL).plusSeconds(1));
    assertThat(confirmed.expiresAt())
        .as("order-service shows the deadline the processor set")
        .isEqualTo(waiting.expiresAt());
    assertThat(system.client().stockView(system.admin(), kettle.id()).reserved())
        .as("reserved while the order waits for payment")
        .isEqualTo(2);

    Order expired =
        system
            .client()
            .awaitStatus(
                customer,
                placed.id(),
                ProcessHarness.RESERVATION_TTL.plus(RunningSystem.EVENTUAL),
                Set.of("EXPIRED"));

    assertThat(expired.status()).isEqualTo("EXPIRED");
    assertThat(expired.expiresAt()).isNull();
    assertThat(system.awaitReserved(kettle.id(), 0).available()).isEqualTo(5);
    OrderStatusView released = system.awaitOrderStatusView(customer, placed.id(), "EXPIRED");
    assertThat(released.expiresAt()).isNull();
    assertThat(released.lines())
        .extracting(OrderStatusView.LineStatus::status)
        .containsOnly("RELEASED");

    ApiException paying =
        catchThrowableOfType(
            ApiException.class,
            () -> system.client().pay(customer, placed.id(), system.unique("pay"), "tok_visa"));
    assertThat(paying.status()).as("paying an expired order").isEqualTo(409);
    ApiException cancelling =
        catchThrowableOfType(
            ApiException.class, () -> system.client().cancel(customer, placed.id()));
    assertThat(cancelling.status()).as("cancelling an expired order").isEqualTo(409);
    assertThat(system.client().getOrder(customer, placed.id(), Duration.ZERO).status())
        .isEqualTo("EXPIRED");
  }

  /**
   * Payments sent from just before to just after their order's deadline: each order ends either
   * PAID, with its payment accepted and its stock still reserved, or EXPIRED, with its payment
   * refused and its stock released, and both services agree. Before order-service enforced the
   * deadline, a payment accepted while the processor's expiry was on its way left a PAID order
   * whose stock had been released.
   */
  @Test
  void paymentsAroundTheDeadlineEitherPayOrExpireNeverBoth(RunningSystem system) throws Exception {
    Session customer = system.newCustomer("hopper");
    Product toaster = system.newProduct("toaster", 2_990, 100);
    List<Order> orders = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Order placed = system.place(customer, List.of(new Line(toaster.id(), 1)));
      orders.add(system.awaitStatus(customer, placed.id(), Set.of("CONFIRMED")));
    }

    ScheduledExecutorService payer = Executors.newScheduledThreadPool(orders.size());
    Map<UUID, Future<Integer>> answers = new HashMap<>();
    try {
      for (int i = 0; i < orders.size(); i++) {
        Order order = orders.get(i);
        assertThat(order.expiresAt()).as("deadline of %s", order.id()).isNotNull();
        Instant payAt = order.expiresAt().plusMillis(-400 + 100L * i);
        long delay = Math.max(0, Duration.between(Instant.now(), payAt).toMillis());
        answers.put(
            order.id(),
            payer.schedule(() -> payOrRefuse(system, customer, order), delay, MILLISECONDS));
      }
      int paid = 0;
      for (Order order : orders) {
        int answer = answers.get(order.id()).get();
        String expected = answer == 200 ? "PAID" : "EXPIRED";
        assertThat(answer).as("payment of %s", order.id()).isIn(200, 409);
        Order settled =
            system.awaitStatus(customer, order.id(), Set.of("PAID", "EXPIRED", "CANCELLED"));
        assertThat(settled.status()).as("order %s", order.id()).isEqualTo(expected);
        assertThat(system.awaitOrderStatusView(customer, order.id(), expected).status())
            .isEqualTo(expected);
        paid += answer == 200 ? 1 : 0;
      }
      LOG.info("Payments around the deadline: {} paid, {} expired", paid, orders.size() - paid);
      assertThat(system.awaitReserved(toaster.id(), paid).available()).isEqualTo(100 - paid);
    } finally {
      payer.shutdownNow();
    }
  }

  private static int payOrRefuse(RunningSystem system, Session customer, Order order) {
    try {
      system.client().pay(customer, order.id(), system.unique("pay"), "tok_visa");
      return 200;
    } catch (ApiException e) {
      return e.status();
    }
  }
}
