package dev.stockroom.events;

import java.util.List;
import java.util.UUID;

/**
 * A customer placed an order; the stream processor now tries to reserve every line. Published on
 * {@link Topics#ORDERS}, key = orderId. Money is integer minor units of {@code currency} (ISO
 * 4217).
 */
public record OrderPlaced(
    UUID orderId, UUID userId, List<OrderLine> lines, long totalMinor, String currency) {
  public static final String TYPE = "OrderPlaced";

  public OrderPlaced {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
