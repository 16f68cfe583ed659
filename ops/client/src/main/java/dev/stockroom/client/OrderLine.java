package dev.stockroom.client;

import java.util.UUID;

/**
 * One line of a placed order: the unit price snapshotted at placement and, for a rejected order,
 * why this line failed ({@code OUT_OF_STOCK}, {@code UNKNOWN_PRODUCT}; null for a line that could
 * have been reserved).
 */
public record OrderLine(
    UUID productId, int quantity, long unitPriceMinor, String rejectionReason) {}
