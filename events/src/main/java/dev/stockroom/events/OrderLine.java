package dev.stockroom.events;

import java.util.UUID;

/**
 * One line of an order: a product, how many, and the unit price captured when the order was placed
 * (integer minor units of the order's currency).
 */
public record OrderLine(UUID productId, int quantity, long unitPriceMinor) {}
