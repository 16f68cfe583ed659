package dev.stockroom.product.api;

import dev.stockroom.product.core.ProductDraft;

/**
 * Body of {@code PUT /api/v1/products/{id}}: every editable field, replacing the stored ones (an
 * absent description removes it; an absent {@code active} means true).
 */
public record ReplaceProductRequest(
    String sku, String name, String description, Long priceMinor, String currency, Boolean active) {
  public ProductDraft toDraft() {
    return ProductDraft.parse(sku, name, description, priceMinor, currency, active);
  }
}
