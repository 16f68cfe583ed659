package dev.stockroom.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The full current state of a catalog product, published on {@link Topics#PRODUCTS} (compacted, key
 * = productId) after it was created or changed. A snapshot rather than a diff, so the latest record
 * of a key is all a consumer needs; {@code version} grows with every change of the product, so a
 * consumer applies only a higher version than the one it holds. Money is integer minor units of
 * {@code currency} (ISO 4217).
 */
public record ProductUpserted(
    UUID productId,
    String sku,
    String name,
    String description,
    long priceMinor,
    String currency,
    boolean active,
    long version,
    Instant updatedAt) {
  public static final String TYPE = "ProductUpserted";
}
