package dev.stockroom.orderstream.topology;

import java.util.UUID;

/**
 * An instruction from the order side to one product's stock, on the internal stock-commands topic
 * keyed by productId. A reservation is identified by (orderId, lineNo), which makes every command
 * idempotent: reserving a held reservation, or releasing or settling a missing one, changes
 * nothing.
 *
 * <p>SETTLE comes when a paid order is forgotten: its quantity stays reserved for good, and the
 * per-line record, kept only so that a duplicate reserve or release changes nothing, goes.
 */
record StockCommand(Kind kind, UUID orderId, int lineNo, UUID productId, int quantity) {
  enum Kind {
    RESERVE,
    RELEASE,
    SETTLE
  }

  static StockCommand reserve(UUID orderId, int lineNo, UUID productId, int quantity) {
    return new StockCommand(Kind.RESERVE, orderId, lineNo, productId, quantity);
  }

  static StockCommand release(UUID orderId, int lineNo, UUID productId, int quantity) {
    return new StockCommand(Kind.RELEASE, orderId, lineNo, productId, quantity);
  }

  static StockCommand settle(UUID orderId, int lineNo, UUID productId, int quantity) {
    return new StockCommand(Kind.SETTLE, orderId, lineNo, productId, quantity);
  }
}
