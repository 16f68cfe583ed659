package dev.stockroom.order.api;

import dev.stockroom.order.core.OrderItem;
import java.util.UUID;

/**
 * One line of an order as shown: the snapshotted unit price, the line total and, for a rejected
 * order, why this line failed ({@code OUT_OF_STOCK}, {@code UNKNOWN_PRODUCT}, or null).
 */
public record OrderLineResponse(
    UUID productId,
    int quantity,
    long unitPriceMinor,
    long lineTotalMinor,
    String rejectionReason) {
  public static OrderLineResponse from(OrderItem item) {
    return new OrderLineResponse(
        item.productId(),
        item.quantity(),
        item.unitPriceMinor(),
        item.unitPriceMinor() * item.quantity(),
        item.rejectionReason());
  }
}
