package dev.stockroom.events;

import java.util.UUID;

/**
 * A CONFIRMED order was not paid by its deadline, so order-service ended it; the stream processor
 * releases its stock and answers with {@link OrderReleased} ({@link ReleaseCause#EXPIRED}).
 * order-service decides this, not the processor, because it also takes the payments: one row lock
 * orders a payment and an expiry, so an order is never both paid and released. Published on {@link
 * Topics#ORDERS}, key = orderId.
 */
public record OrderExpired(UUID orderId, UUID userId) {
  public static final String TYPE = "OrderExpired";
}
