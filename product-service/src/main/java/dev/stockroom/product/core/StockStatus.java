package dev.stockroom.product.core;

import java.util.Objects;
import java.util.Optional;

/** On-hand stock with the stream processor's reserved and available, once known. */
public record StockStatus(StockLevel level, Optional<Availability> availability) {
  public StockStatus {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(availability, "availability");
  }
}
