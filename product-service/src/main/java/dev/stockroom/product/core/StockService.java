package dev.stockroom.product.core;

import dev.stockroom.platform.errors.PreconditionFailedException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** On-hand stock: absolute sets (with {@code If-Match}), signed adjustments, and reads. */
public final class StockService {
  /** The reason recorded for an absolute set. */
  public static final String SET_REASON = "set";

  private final StockStore store;
  private final CatalogReads reads;
  private final Clock clock;

  public StockService(StockStore store, CatalogReads reads, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.reads = Objects.requireNonNull(reads, "reads");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public StockStatus get(UUID productId) {
    return reads.stock(productId).orElseThrow(ProductNotFoundException::new);
  }

  /**
   * Sets on-hand stock, as after a stock count.
   *
   * @param expectedVersion the stock version from {@code If-Match}; required
   * @throws PreconditionFailedException when the stock changed since it was read
   */
  public StockLevel set(UUID productId, Long onHand, OptionalLong expectedVersion, UUID actor) {
    long expected = ProductService.required(expectedVersion);
    FieldErrors errors = new FieldErrors();
    Long quantity = errors.check("onHand", () -> CatalogRules.onHand(onHand));
    errors.throwIfAny();
    StockChange change = new StockChange(productId, 0, SET_REASON, actor, now());
    return store
        .set(quantity, expected, change)
        .orElseThrow(() -> new PreconditionFailedException("The stock changed since it was read."));
  }

  /**
   * Adds a signed delta atomically.
   *
   * @throws InsufficientStockException when on hand would go below zero
   */
  public StockLevel adjust(UUID productId, Long delta, String reason, UUID actor) {
    FieldErrors errors = new FieldErrors();
    Long parsedDelta = errors.check("delta", () -> CatalogRules.delta(delta));
    String parsedReason = errors.check("reason", () -> CatalogRules.reason(reason));
    errors.throwIfAny();
    return store.adjust(new StockChange(productId, parsedDelta, parsedReason, actor, now()));
  }

  private java.time.Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
