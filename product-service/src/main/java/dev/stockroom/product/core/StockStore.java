package dev.stockroom.product.core;

import java.util.Optional;

/**
 * On-hand stock on the primary database. Every change is one transaction with its history row and a
 * {@code StockLevelSet} in the outbox, so {@code inventory.v1} carries every level in order.
 */
public interface StockStore {
  /**
   * Sets on-hand to {@code onHand} if the level is still at {@code expectedVersion}.
   *
   * @return the new level, or empty when the version changed meanwhile
   * @throws ProductNotFoundException when the product does not exist
   */
  Optional<StockLevel> set(long onHand, long expectedVersion, StockChange change);

  /**
   * Adds {@code change.delta()} atomically; concurrent adjustments never lose an update.
   *
   * @throws InsufficientStockException when the result would be below zero (nothing changes)
   * @throws ProductNotFoundException when the product does not exist
   */
  StockLevel adjust(StockChange change);
}
