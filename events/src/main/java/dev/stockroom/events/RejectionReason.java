package dev.stockroom.events;

/** Why a line of an order could not be reserved. */
public enum RejectionReason {
  /** The product is known but fewer units are available than the line asks for. */
  OUT_OF_STOCK,
  /** No stock level was ever set for the product. */
  UNKNOWN_PRODUCT
}
