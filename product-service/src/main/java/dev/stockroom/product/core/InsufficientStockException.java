package dev.stockroom.product.core;

import dev.stockroom.platform.errors.ConflictException;

/** An adjustment would take on-hand stock below zero; nothing was changed. */
public class InsufficientStockException extends ConflictException {
  private final transient StockLevel current;

  public InsufficientStockException(StockLevel current, long delta) {
    super(
        "On hand is "
            + current.onHand()
            + " (stock version "
            + current.version()
            + "); an adjustment of "
            + delta
            + " would take it below zero.");
    this.current = current;
  }

  /** The level at the time of the refused adjustment. */
  public StockLevel current() {
    return current;
  }
}
