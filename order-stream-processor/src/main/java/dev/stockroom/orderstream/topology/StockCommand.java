package dev.stockroom.orderstream.topology;

import java.util.UUID;

/**
 * An instruction from the order side to one product's stock, on the internal stock-commands topic
 * keyed by productId. A reservation is identified by (orderId, lineNo), which makes both commands
 * idempotent: reserving a held reservation or releasing a missing one changes nothing.
 */
record StockCommand(Kind kind, UUID orderId, int lineNo, UUID productId, int quantity) {
  enum Kind {
    RESERVE,
    RELEASE
  }

  static StockCommand reserve(UUID orderId, int lineNo, UUID productId, int quantity) {
    return new StockCommand(Kind.RESERVE, orderId, lineNo, productId, quantity);
  }

  static StockCommand release(UUID orderId, int lineNo, UUID productId, int quantity) {
    return new StockCommand(Kind.RELEASE, orderId, lineNo, productId, quantity);
  }
}
