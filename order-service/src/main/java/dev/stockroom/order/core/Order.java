package dev.stockroom.order.core;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as stored. {@code version} grows with every status change; {@code statusReason} says why
 * a rejected or released order ended ({@code OUT_OF_STOCK}, {@code EXPIRED}, ...), else null.
 */
public record Order(
    UUID id,
    UUID userId,
    OrderStatus status,
    String statusReason,
    List<OrderItem> items,
    long totalMinor,
    String currency,
    long version,
    Instant createdAt,
    Instant updatedAt) {
  public Order {
    items = List.copyOf(items);
  }

  /** This order in {@code next} status, one version later. */
  public Order withStatus(OrderStatus next, String reason, Instant at) {
    return new Order(
        id, userId, next, reason, items, totalMinor, currency, version + 1, createdAt, at);
  }
}
