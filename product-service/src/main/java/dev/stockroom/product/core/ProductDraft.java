package dev.stockroom.product.core;

/**
 * The fields of a product a client sets, already validated and in canonical form.
 *
 * @param sku upper-case SKU
 * @param name trimmed name
 * @param description trimmed description, or null for none
 * @param priceMinor price in minor units, at least 0
 * @param currency ISO 4217 code
 * @param active whether the product can be sold
 */
public record ProductDraft(
    String sku, String name, String description, long priceMinor, String currency, boolean active) {

  /**
   * Validates raw client values, reporting every invalid field at once.
   *
   * @param active null means true (a new or replaced product is active unless said otherwise)
   * @throws dev.stockroom.platform.errors.ValidationException listing every invalid field
   */
  public static ProductDraft parse(
      String sku,
      String name,
      String description,
      Long priceMinor,
      String currency,
      Boolean active) {
    FieldErrors errors = new FieldErrors();
    String parsedSku = errors.check("sku", () -> CatalogRules.sku(sku));
    String parsedName = errors.check("name", () -> CatalogRules.name(name));
    String parsedDescription =
        errors.check("description", () -> CatalogRules.description(description));
    Long parsedPrice = errors.check("priceMinor", () -> CatalogRules.priceMinor(priceMinor));
    String parsedCurrency = errors.check("currency", () -> CatalogRules.currency(currency));
    errors.throwIfAny();
    return new ProductDraft(
        parsedSku,
        parsedName,
        parsedDescription,
        parsedPrice,
        parsedCurrency,
        active == null || active);
  }
}
