package dev.stockroom.product.core;

import dev.stockroom.platform.errors.ConflictException;

/** Another product already has this SKU. */
public class SkuAlreadyUsedException extends ConflictException {
  public SkuAlreadyUsedException(String sku) {
    super("A product with SKU " + sku + " already exists.");
  }
}
