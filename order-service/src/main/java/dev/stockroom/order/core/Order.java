package dev.stockroom.order.core;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as stored. {@code version} grows with every status change; {@code statusReason} says why
 * a rejected or released order ended ({@code OUT_OF_STOCK}, {@code EXPIRED}, ...), else null.
 * {@code expiresAt} is the payment deadline of a CONFIRMED order, set by the stream processor when
 * it reserved the stock; null in every other status.
 */
public record Order(
    UUID id,
    UUID userId,
    OrderStatus status,
    String statusReason,
    Instant expiresAt,
    List<OrderItem> items,
    long totalMinor,
    String currency,
    long version,
    Instant createdAt,
    Instant updatedAt) {
  public Order {
    items = List.copyOf(items);
  }

  /** This order in {@code next} status, one version later, with no payment deadline. */
  public Order withStatus(OrderStatus next, String reason, Instant at) {
    return new Order(
        id, userId, next, reason, null, items, totalMinor, currency, version + 1, createdAt, at);
  }

  /** This order with the payment deadline {@code deadline} (null for none). */
  public Order withExpiresAt(Instant deadline) {
    return new Order(
        id,
        userId,
        status,
        statusReason,
        deadline,
        items,
        totalMinor,
        currency,
        version,
        createdAt,
        updatedAt);
  }

  /** Whether this is a CONFIRMED order whose payment deadline has passed at {@code now}. */
  public boolean isUnpaidPast(Instant now) {
    return status == OrderStatus.CONFIRMED && expiresAt != null && !now.isBefore(expiresAt);
  }
}
