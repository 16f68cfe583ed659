package dev.stockroom.orderstream.api;

import dev.stockroom.orderstream.topology.OrderState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where an order stands in the stream processor: {@code status} is PENDING, CONFIRMED, PAID,
 * REJECTED, CANCELLED or EXPIRED; each line says whether it is reserved, was rejected (and why) or
 * was released. {@code expiresAt} is set while a confirmed order waits for payment.
 */
public record OrderStatusResponse(
    UUID orderId,
    UUID userId,
    String status,
    List<Line> lines,
    Instant expiresAt,
    Instant updatedAt) {

  /** One order line and its reservation state. */
  public record Line(UUID productId, int quantity, String status) {}

  public OrderStatusResponse {
    lines = List.copyOf(lines);
  }

  public static OrderStatusResponse from(OrderState state) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < state.lines().size(); i++) {
      lines.add(
          new Line(
              state.lines().get(i).productId(),
              state.lines().get(i).quantity(),
              state.lineStatuses().get(i).name()));
    }
    return new OrderStatusResponse(
        state.orderId(),
        state.userId(),
        state.status().name(),
        lines,
        state.expiresAt(),
        state.updatedAt());
  }
}
