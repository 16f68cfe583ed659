package dev.stockroom.events;

import java.util.UUID;

/**
 * The on-hand quantity of a product was set (received goods, a stock count, an admin edit).
 * Published on {@link Topics#INVENTORY} (compacted), key = productId. {@code version} grows with
 * every change of the product's stock row, so a consumer applies only a higher version than the one
 * it holds.
 */
public record StockLevelSet(UUID productId, long onHand, long version) {
  public static final String TYPE = "StockLevelSet";
}
