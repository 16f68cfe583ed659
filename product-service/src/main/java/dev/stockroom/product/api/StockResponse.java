package dev.stockroom.product.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stockroom.product.core.Availability;
import dev.stockroom.product.core.StockLevel;
import dev.stockroom.product.core.StockStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A product's stock as admins see it.
 *
 * @param onHand units on hand, as recorded here
 * @param version the stock version (the {@code ETag} to send as {@code If-Match} when setting)
 * @param reserved units reserved by orders, from the stream processor; absent until known
 * @param available units that can still be ordered; absent until known
 */
public record StockResponse(
    UUID productId,
    long onHand,
    long version,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long reserved,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long available) {

  public static StockResponse from(StockStatus status) {
    return from(status.level(), status.availability());
  }

  public static StockResponse from(StockLevel level) {
    return from(level, Optional.empty());
  }

  private static StockResponse from(StockLevel level, Optional<Availability> availability) {
    return new StockResponse(
        level.productId(),
        level.onHand(),
        level.version(),
        level.updatedAt(),
        availability.map(Availability::reserved).orElse(null),
        availability.map(Availability::available).orElse(null));
  }
}
