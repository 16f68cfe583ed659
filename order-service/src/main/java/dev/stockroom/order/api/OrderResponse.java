package dev.stockroom.order.api;

import dev.stockroom.order.core.Order;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order on the wire. Money is integer minor units of {@code currency}. */
public record OrderResponse(
    UUID id,
    UUID userId,
    String status,
    String statusReason,
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
        order.items().stream().map(OrderLineResponse::from).toList(),
        order.totalMinor(),
        order.currency(),
        order.version(),
        order.createdAt(),
        order.updatedAt());
  }
}
