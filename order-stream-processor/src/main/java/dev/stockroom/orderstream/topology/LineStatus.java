package dev.stockroom.orderstream.topology;

import dev.stockroom.events.RejectionReason;

/** Where one line of an order stands. */
public enum LineStatus {
  /** The reserve command is on its way to the product's partition. */
  PENDING,
  /** The product's stock holds the line's quantity for this order. */
  RESERVED,
  /** The product had fewer units available than the line asked for. */
  OUT_OF_STOCK,
  /** No stock level was ever set for the product. */
  UNKNOWN_PRODUCT,
  /** A release command was sent: whatever the line held (or would have held) is given back. */
  RELEASED;

  /** The reason to report in an OrderRejected line, or null for a line that did fit. */
  RejectionReason rejection() {
    return switch (this) {
      case OUT_OF_STOCK -> RejectionReason.OUT_OF_STOCK;
      case UNKNOWN_PRODUCT -> RejectionReason.UNKNOWN_PRODUCT;
      default -> null;
    };
  }

  boolean isRejection() {
    return this == OUT_OF_STOCK || this == UNKNOWN_PRODUCT;
  }
}
