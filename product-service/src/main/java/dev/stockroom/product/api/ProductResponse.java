package dev.stockroom.product.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stockroom.product.core.Availability;
import dev.stockroom.product.core.Product;
import dev.stockroom.product.core.ProductView;
import java.time.Instant;
import java.util.UUID;

/**
 * A product as clients see it.
 *
 * @param available units that can still be ordered, from the stream processor's stock view; absent
 *     (not zero) until a view exists, and on write responses
 * @param version the stored version, also the start of the {@code ETag}
 */
public record ProductResponse(
    UUID id,
    String sku,
    String name,
    String description,
    long priceMinor,
    String currency,
    boolean active,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long available,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public static ProductResponse from(ProductView view) {
    return from(view.product(), view.availability().map(Availability::available).orElse(null));
  }

  public static ProductResponse from(Product product) {
    return from(product, null);
  }

  private static ProductResponse from(Product p, Long available) {
    return new ProductResponse(
        p.id(),
        p.sku(),
        p.name(),
        p.description(),
        p.priceMinor(),
        p.currency(),
        p.active(),
        available,
        p.version(),
        p.createdAt(),
        p.updatedAt());
  }
}
