package dev.stockroom.order.core;

import java.util.UUID;

/**
 * One line of an order: the product, how many, the unit price captured when the order was placed,
 * and (only for a rejected order) why the line could not be reserved.
 *
 * @param rejectionReason {@code OUT_OF_STOCK}, {@code UNKNOWN_PRODUCT}, or null
 */
public record OrderItem(
    UUID productId, int quantity, long unitPriceMinor, String rejectionReason) {}
