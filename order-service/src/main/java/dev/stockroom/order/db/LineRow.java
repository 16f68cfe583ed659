package dev.stockroom.order.db;

import java.util.UUID;

/** A row of {@code order_lines}. */
public record LineRow(
    UUID orderId,
    int lineNo,
    UUID productId,
    int quantity,
    long unitPriceMinor,
    String rejectionReason) {}
