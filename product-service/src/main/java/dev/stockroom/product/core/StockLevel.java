package dev.stockroom.product.core;

import java.time.Instant;
import java.util.UUID;

/**
 * A product's on-hand stock as this service records it.
 *
 * @param productId the product
 * @param onHand units on hand, never negative
 * @param version grows by one with every change; 0 before the first
 * @param updatedAt when it last changed
 */
public record StockLevel(UUID productId, long onHand, long version, Instant updatedAt) {}
