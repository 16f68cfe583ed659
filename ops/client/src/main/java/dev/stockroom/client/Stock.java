package dev.stockroom.client;

import java.util.UUID;

/**
 * A product's on-hand stock as product-service records it. {@code version} grows by one per change
 * and is what {@code If-Match} compares when the level is set.
 */
public record Stock(UUID productId, long onHand, long version) {}
