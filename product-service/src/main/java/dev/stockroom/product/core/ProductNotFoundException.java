package dev.stockroom.product.core;

import dev.stockroom.platform.errors.NotFoundException;

/** No product with the requested id or SKU. */
public class ProductNotFoundException extends NotFoundException {
  public ProductNotFoundException() {
    super("No such product.");
  }
}
