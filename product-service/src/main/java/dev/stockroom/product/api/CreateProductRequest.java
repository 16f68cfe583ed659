package dev.stockroom.product.api;

import dev.stockroom.product.core.ProductDraft;

/**
 * Body of {@code POST /api/v1/products}. Only these fields are accepted; their rules are checked in
 * {@code core} so every field error is reported at once.
 *
 * @param sku letters, digits, {@code . _ -}; stored upper-case; unique
 * @param name 1 to 200 characters
 * @param description optional, up to 2000 characters
 * @param priceMinor integer minor units (cents), 0 or more
 * @param currency ISO 4217 code
 * @param active optional, default true
 */
public record CreateProductRequest(
    String sku, String name, String description, Long priceMinor, String currency, Boolean active) {
  public ProductDraft toDraft() {
    return ProductDraft.parse(sku, name, description, priceMinor, currency, active);
  }
}
