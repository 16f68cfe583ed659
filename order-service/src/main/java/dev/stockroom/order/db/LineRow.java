package dev.stockroom.order.db;

import dev.stockroom.order.core.OrderItem;
import java.util.UUID;

/** A row of {@code order_lines}. */
public record LineRow(
    UUID orderId,
    int lineNo,
    UUID productId,
    int quantity,
    long unitPriceMinor,
    String rejectionReason) {
  OrderItem toItem() {
    return new OrderItem(productId, quantity, unitPriceMinor, rejectionReason);
  }
}
