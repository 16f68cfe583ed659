package dev.stockroom.events;

import java.util.UUID;

/**
 * A confirmed order was paid, so its reservation is kept for good. Published on {@link
 * Topics#ORDERS}, key = orderId. {@code amountMinor} is integer minor units of {@code currency}.
 */
public record OrderPaid(
    UUID orderId, UUID userId, UUID paymentId, long amountMinor, String currency) {
  public static final String TYPE = "OrderPaid";
}
