package dev.stockroom.client;

import java.util.Objects;
import java.util.UUID;

/** One requested order line: which product and how many (1 to 1000). */
public record Line(UUID productId, int quantity) {
  public Line {
    Objects.requireNonNull(productId, "productId");
  }
}
