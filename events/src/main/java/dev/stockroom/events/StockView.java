package dev.stockroom.events;

import java.util.UUID;

/**
 * The stream processor's view of a product's stock, published on {@link Topics#STOCK} (compacted,
 * key = productId) after every change. {@code available = max(0, onHand - reserved)}; {@code
 * version} is the {@link StockLevelSet#version()} that {@code onHand} comes from. Views of one
 * product are totally ordered by their partition, so the latest record is the current view.
 */
public record StockView(UUID productId, long onHand, long reserved, long available, long version) {
  public static final String TYPE = "StockView";
}
