package dev.stockroom.product.core;

import dev.stockroom.platform.errors.ConflictException;

/**
 * An adjustment would take on-hand stock below zero; nothing was changed. The problem carries the
 * current {@code onHand} and {@code version}, so a client can retry with a delta that fits.
 */
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
    withExtension("onHand", current.onHand());
    withExtension("version", current.version());
  }

  /** The level at the time of the refused adjustment. */
  public StockLevel current() {
    return current;
  }
}
