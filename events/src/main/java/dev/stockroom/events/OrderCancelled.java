package dev.stockroom.events;

import java.util.UUID;

/**
 * The customer (or an admin) cancelled an order; any stock it holds is released. Published on
 * {@link Topics#ORDERS}, key = orderId.
 */
public record OrderCancelled(UUID orderId, UUID userId) {
  public static final String TYPE = "OrderCancelled";
}
