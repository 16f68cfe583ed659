package dev.stockroom.e2e;

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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
}
