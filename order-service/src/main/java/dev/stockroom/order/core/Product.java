package dev.stockroom.order.core;

import java.util.UUID;

/**
 * This service's copy of a catalog product from {@code products.v1}: enough to price an order. A
 * product known only from a discontinuation has no price.
 */
public record Product(UUID id, Long priceMinor, String currency, boolean active, long version) {
  /** Whether an order may include it. */
  public boolean isSellable() {
    return active && priceMinor != null && currency != null;
  }
}
