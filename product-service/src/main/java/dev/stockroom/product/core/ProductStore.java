package dev.stockroom.product.core;

import java.util.Optional;
import java.util.UUID;

/**
 * Where products are written, on the primary database. Every write is one transaction that also
 * records the matching {@code products.v1} event in the outbox.
 */
public interface ProductStore {
  /**
   * Inserts a product with an empty stock level (0, version 0) and records {@code ProductUpserted}.
   *
   * @throws SkuAlreadyUsedException when the SKU is taken
   */
  void create(Product product);

  /** The product as stored on the primary (what a write must compare against). */
  Optional<Product> findById(UUID id);

  /**
   * Stores {@code after} if the row still has {@code before.version()}, and records {@code
   * ProductDiscontinued} when {@code after} is the discontinuation of an active product, {@code
   * ProductUpserted} otherwise.
   *
   * @return the stored product, or empty when the row changed meanwhile
   * @throws SkuAlreadyUsedException when the new SKU is taken
   */
  Optional<Product> update(Product before, Product after, boolean discontinue);
}
