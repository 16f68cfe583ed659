package dev.stockroom.client;

import java.util.UUID;

/**
 * A product's stock as the stream processor last committed it: {@code reserved} is held by live
 * orders (CONFIRMED and PAID, and lines of orders still being decided), {@code available = max(0,
 * onHand - reserved)}, and {@code version} is the inventory version {@code onHand} came from.
 */
public record StockView(UUID productId, long onHand, long reserved, long available, long version) {}
