package dev.stockroom.product.core;

import java.util.Optional;

/**
 * A partial change (JSON merge patch): a null field is left as it is. {@code description} is the
 * one field that can be removed, so it distinguishes "absent" (null) from "set to null" (an empty
 * Optional).
 *
 * @param sku a new SKU, or null
 * @param name a new name, or null
 * @param description null to keep, empty to remove, or the new text
 * @param priceMinor a new price, or null
 * @param currency a new currency, or null
 * @param active a new active flag, or null
 */
public record ProductChange(
    String sku,
    String name,
    Optional<String> description,
    Long priceMinor,
    String currency,
    Boolean active) {

  /**
   * The product's fields with this change applied, validated as a whole.
   *
   * @throws dev.stockroom.platform.errors.ValidationException listing every invalid field
   */
  public ProductDraft applyTo(Product product) {
    return ProductDraft.parse(
        sku == null ? product.sku() : sku,
        name == null ? product.name() : name,
        description == null ? product.description() : description.orElse(null),
        priceMinor == null ? product.priceMinor() : priceMinor,
        currency == null ? product.currency() : currency,
        active == null ? product.active() : active);
  }
}
