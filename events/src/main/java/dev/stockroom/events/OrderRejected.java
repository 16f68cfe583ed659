package dev.stockroom.events;

import java.util.List;
import java.util.UUID;

/**
 * At least one line of the order could not be reserved, so the order holds no stock at all.
 * Published on {@link Topics#ORDER_STATUS}, key = orderId. {@code reason} summarises the lines:
 * {@link RejectionReason#UNKNOWN_PRODUCT} when any line names a product without a stock level
 * (restocking cannot help), otherwise {@link RejectionReason#OUT_OF_STOCK}. {@code lines} lists
 * every line of the order in its original order.
 */
public record OrderRejected(UUID orderId, RejectionReason reason, List<RejectedLine> lines) {
  public static final String TYPE = "OrderRejected";

  public OrderRejected {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
