package dev.stockroom.order.core;

import java.util.List;
import java.util.Optional;

/** One page of orders, newest first, and where the next page starts (if there is one). */
public record OrderPage(List<Order> orders, Optional<OrderCursor> next) {
  public OrderPage {
    orders = List.copyOf(orders);
  }
}
