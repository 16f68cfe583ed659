package dev.stockroom.product.core;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the GET endpoints read, from the read data source (a replica when configured, which may lag
 * the primary slightly).
 */
public interface CatalogReads {
  Optional<ProductView> find(UUID id);

  Optional<ProductView> findBySku(String sku);

  /**
   * Products matching {@code filter} in SKU order.
   *
   * @param afterSku only SKUs after this one (exclusive)
   * @param limit at most this many
   */
  List<ProductView> list(ProductFilter filter, Optional<String> afterSku, int limit);

  /** On-hand stock and, once known, availability; empty when the product does not exist. */
  Optional<StockStatus> stock(UUID productId);

  /**
   * Drops anything remembered about {@code changed}; the service calls it after each write, so the
   * writing instance's next read shows the write (when reads go to the primary).
   */
  default void forget(Product changed) {}
}
