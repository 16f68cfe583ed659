package dev.stockroom.orderstream.api;

import dev.stockroom.orderstream.topology.StockState;
import java.util.UUID;

/**
 * A product's stock as the stream processor last committed it. {@code available = max(0, onHand -
 * reserved)}; {@code version} is the inventory version {@code onHand} comes from.
 */
public record StockResponse(
    UUID productId, long onHand, long reserved, long available, long version) {

  public static StockResponse from(StockState state) {
    return new StockResponse(
        state.productId(), state.onHand(), state.reserved(), state.available(), state.version());
  }
}
