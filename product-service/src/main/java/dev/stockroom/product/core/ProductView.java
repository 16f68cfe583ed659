package dev.stockroom.product.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A product as read by clients: the catalog row and, once the stream processor has reported on it,
 * its availability. Until then availability is unknown (empty), which is not the same as zero.
 */
public record ProductView(Product product, Optional<Availability> availability) {
  public ProductView {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(availability, "availability");
  }
}
