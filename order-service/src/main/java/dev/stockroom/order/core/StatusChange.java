package dev.stockroom.order.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One decision of the stream processor for an order.
 *
 * @param eventId the event it came in, recorded once so a redelivery changes nothing
 * @param reason why the order was rejected; null otherwise
 * @param lineReasons per product, why its line was rejected; empty unless rejected
 * @param expiresAt for a confirmation, the payment deadline; null otherwise (or when the event had
 *     none)
 */
public record StatusChange(
    UUID eventId,
    UUID orderId,
    OrderStatus next,
    String reason,
    Map<UUID, String> lineReasons,
    Instant expiresAt) {
  public StatusChange {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(next, "next");
    lineReasons = Map.copyOf(lineReasons);
  }
}
