package dev.stockroom.product.core;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A catalog product. {@code version} increases with every stored change and backs optimistic
 * concurrency ({@code ETag}/{@code If-Match}) and the ordering of {@code products.v1} events.
 *
 * @param id the product id
 * @param sku the stock-keeping unit, upper-case, unique
 * @param name the display name
 * @param description an optional longer text, or null
 * @param priceMinor the price in integer minor units of {@code currency}
 * @param currency ISO 4217 code
 * @param active false once discontinued
 * @param version the stored version
 * @param createdAt when the product was created
 * @param updatedAt when it last changed
 */
public record Product(
    UUID id,
    String sku,
    String name,
    String description,
    long priceMinor,
    String currency,
    boolean active,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public Product {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new product at version 1 from validated fields. */
  public static Product create(UUID id, ProductDraft draft, Instant at) {
    return new Product(
        id,
        draft.sku(),
        draft.name(),
        draft.description(),
        draft.priceMinor(),
        draft.currency(),
        draft.active(),
        1,
        at,
        at);
  }

  /** The editable fields of this product. */
  public ProductDraft draft() {
    return new ProductDraft(sku, name, description, priceMinor, currency, active);
  }

  /** Whether {@code draft} would change anything. */
  public boolean differsFrom(ProductDraft draft) {
    return !draft().equals(draft);
  }

  /** The stored form after a change to {@code draft}: next version, new update time. */
  public Product withDraft(ProductDraft draft, Instant at) {
    return new Product(
        id,
        draft.sku(),
        draft.name(),
        draft.description(),
        draft.priceMinor(),
        draft.currency(),
        draft.active(),
        version + 1,
        createdAt,
        at);
  }
}
