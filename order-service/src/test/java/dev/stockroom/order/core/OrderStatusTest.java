package dev.stockroom.order.core;

import static dev.stockroom.order.core.OrderStatus.CANCELLED;
import static dev.stockroom.order.core.OrderStatus.CONFIRMED;
import static dev.stockroom.order.core.OrderStatus.EXPIRED;
import static dev.stockroom.order.core.OrderStatus.PAID;
import static dev.stockroom.order.core.OrderStatus.PENDING;
import static dev.stockroom.order.core.OrderStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusTest {
  static final Map<OrderStatus, Set<OrderStatus>> ALLOWED =
      Map.of(
          PENDING, EnumSet.of(CONFIRMED, REJECTED, CANCELLED, EXPIRED),
          CONFIRMED, EnumSet.of(PAID, CANCELLED, EXPIRED),
          PAID, EnumSet.noneOf(OrderStatus.class),
          REJECTED, EnumSet.noneOf(OrderStatus.class),
          CANCELLED, EnumSet.noneOf(OrderStatus.class),
          EXPIRED, EnumSet.noneOf(OrderStatus.class));

  @Test
  void movesOnlyForwardAlongTheLifecycle() {
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderStatus to : OrderStatus.values()) {
        assertThat(from.canMoveTo(to))
            .as(from + " -> " + to)
            .isEqualTo(ALLOWED.get(from).contains(to));
      }
    }
  }

  @Test
  void terminalStatusesAreExactlyTheFourEnds() {
    assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isTerminal))
        .containsExactlyInAnyOrder(PAID, REJECTED, CANCELLED, EXPIRED);
  }
}
