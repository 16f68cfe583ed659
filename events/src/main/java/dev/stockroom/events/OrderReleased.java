package dev.stockroom.events;

import java.util.UUID;

/**
 * The order ended without being paid and its stock went back on the shelf: it was cancelled or its
 * reservation expired. Published on {@link Topics#ORDER_STATUS}, key = orderId.
 */
public record OrderReleased(UUID orderId, ReleaseCause cause) {
  public static final String TYPE = "OrderReleased";
}
