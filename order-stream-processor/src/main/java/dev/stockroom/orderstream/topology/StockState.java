package dev.stockroom.orderstream.topology;

import dev.stockroom.events.StockView;
import java.util.UUID;

/**
 * A product's stock as the processor holds it: on hand from the latest inventory version, and the
 * sum of the quantities reserved by live orders. A product without a state has never had a stock
 * level set.
 */
public record StockState(UUID productId, long onHand, long reserved, long version) {

  /** What can still be reserved; never negative, even when on hand was lowered below reserved. */
  public long available() {
    return Math.max(0, onHand - reserved);
  }

  StockState withLevel(long newOnHand, long newVersion) {
    return new StockState(productId, newOnHand, reserved, newVersion);
  }

  StockState withReserved(long newReserved) {
    if (newReserved < 0) {
      throw new IllegalStateException(
          "reserved would become " + newReserved + " for product " + productId);
    }
    return new StockState(productId, onHand, newReserved, version);
  }

  StockView view() {
    return new StockView(productId, onHand, reserved, available(), version);
  }
}
