package dev.stockroom.order.db;

import dev.stockroom.order.core.Order;
import dev.stockroom.order.core.OrderItem;
import dev.stockroom.order.core.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code orders}, before its lines are attached. */
public record OrderRow(
    UUID id,
    UUID userId,
    OrderStatus status,
    String statusReason,
    Instant expiresAt,
    long totalMinor,
    String currency,
    long version,
    Instant createdAt,
    Instant updatedAt) {
  Order withItems(List<OrderItem> items) {
    return new Order(
        id,
        userId,
        status,
        statusReason,
        expiresAt,
        items,
        totalMinor,
        currency,
        version,
        createdAt,
        updatedAt);
  }
}
