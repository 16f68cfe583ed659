package dev.stockroom.events;

import java.util.List;
import java.util.UUID;

/**
 * Every line of the order is reserved; the order now waits for payment. Published on {@link
 * Topics#ORDER_STATUS}, key = orderId.
 */
public record OrderConfirmed(UUID orderId, List<OrderLine> lines) {
  public static final String TYPE = "OrderConfirmed";

  public OrderConfirmed {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
