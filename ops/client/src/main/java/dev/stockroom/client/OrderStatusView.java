package dev.stockroom.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where an order stands in the stream processor. Each line says whether it is {@code RESERVED},
 * {@code REJECTED} (and why) or {@code RELEASED}; {@code expiresAt} is set while a confirmed order
 * waits for payment.
 */
public record OrderStatusView(
    UUID orderId,
    UUID userId,
    String status,
    List<LineStatus> lines,
    Instant expiresAt,
    Instant updatedAt) {
  /** One order line and its reservation state. */
  public record LineStatus(UUID productId, int quantity, String status) {}

  public OrderStatusView {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
