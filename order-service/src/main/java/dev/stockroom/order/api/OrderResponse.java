package dev.stockroom.order.api;

import dev.stockroom.order.core.Order;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order on the wire. Money is integer minor units of {@code currency}. {@code expiresAt} is the
 * payment deadline while the order is CONFIRMED; after it the order expires and its stock is
 * released.
 */
public record OrderResponse(
    UUID id,
    UUID userId,
    String status,
    String statusReason,
    Instant expiresAt,
    List<OrderLineResponse> lines,
    long totalMinor,
    String currency,
    long version,
    Instant createdAt,
    Instant updatedAt) {
  public static OrderResponse from(Order order) {
    return new OrderResponse(
        order.id(),
        order.userId(),
        order.status().name(),
        order.statusReason(),
        order.expiresAt(),
        order.items().stream().map(OrderLineResponse::from).toList(),
        order.totalMinor(),
        order.currency(),
        order.version(),
        order.createdAt(),
        order.updatedAt());
  }
}
