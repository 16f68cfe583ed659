package dev.stockroom.product.core;

import dev.stockroom.platform.errors.PreconditionFailedException;
import dev.stockroom.platform.errors.PreconditionRequiredException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** The catalog: create, read, list, replace, patch and discontinue products. */
public final class ProductService {
  private final ProductStore store;
  private final CatalogReads reads;
  private final Clock clock;

  public ProductService(ProductStore store, CatalogReads reads, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.reads = Objects.requireNonNull(reads, "reads");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Adds a product (with an empty stock level); {@code ProductUpserted} goes out with it.
   *
   * @throws SkuAlreadyUsedException when the SKU is taken
   */
  public Product create(ProductDraft draft) {
    Product product = Product.create(UUID.randomUUID(), draft, now());
    store.create(product);
    reads.forget(product);
    return product;
  }

  public ProductView get(UUID id) {
    return reads.find(id).orElseThrow(ProductNotFoundException::new);
  }

  public ProductView getBySku(String sku) {
    return CatalogRules.skuForLookup(sku)
        .flatMap(reads::findBySku)
        .orElseThrow(ProductNotFoundException::new);
  }

  /** A page of products in SKU order, starting after {@code afterSku}. */
  public ProductPage list(ProductFilter filter, Optional<String> afterSku, int limit) {
    List<ProductView> found = reads.list(filter, afterSku, limit + 1);
    if (found.size() <= limit) {
      return new ProductPage(found, Optional.empty());
    }
    List<ProductView> page = found.subList(0, limit);
    return new ProductPage(page, Optional.of(page.get(limit - 1).product().sku()));
  }

  /**
   * Replaces every editable field ({@code PUT}).
   *
   * @param expectedVersion the version from {@code If-Match}; required
   * @throws PreconditionRequiredException without one
   * @throws PreconditionFailedException when it is not the current version
   */
  public Product replace(UUID id, ProductDraft draft, OptionalLong expectedVersion) {
    long expected = required(expectedVersion);
    return save(current(id, expected), draft, false);
  }

  /**
   * Changes the given fields ({@code PATCH}); validation covers the result as a whole.
   *
   * @param expectedVersion the version from {@code If-Match}; required
   */
  public Product patch(UUID id, ProductChange change, OptionalLong expectedVersion) {
    long expected = required(expectedVersion);
    Product before = current(id, expected);
    return save(before, change.applyTo(before), false);
  }

  /**
   * Marks a product inactive, keeping it and its history; {@code ProductDiscontinued} goes out.
   * Discontinuing a discontinued product changes nothing.
   *
   * @param expectedVersion optional {@code If-Match}
   */
  public Product discontinue(UUID id, OptionalLong expectedVersion) {
    Product before =
        expectedVersion.isPresent()
            ? current(id, expectedVersion.getAsLong())
            : store.findById(id).orElseThrow(ProductNotFoundException::new);
    if (!before.active()) {
      return before;
    }
    ProductDraft draft = before.draft();
    return save(
        before,
        new ProductDraft(
            draft.sku(),
            draft.name(),
            draft.description(),
            draft.priceMinor(),
            draft.currency(),
            false),
        true);
  }

  private Product current(UUID id, long expectedVersion) {
    Product before = store.findById(id).orElseThrow(ProductNotFoundException::new);
    if (before.version() != expectedVersion) {
      throw stale();
    }
    return before;
  }

  private Product save(Product before, ProductDraft draft, boolean discontinue) {
    if (!before.differsFrom(draft)) {
      return before;
    }
    Product after =
        store
            .update(before, before.withDraft(draft, now()), discontinue)
            .orElseThrow(ProductService::stale);
    reads.forget(after);
    return after;
  }

  static long required(OptionalLong expectedVersion) {
    if (expectedVersion.isEmpty()) {
      throw new PreconditionRequiredException(
          "Send If-Match with the ETag you last read, so a concurrent change is not overwritten.");
    }
    return expectedVersion.getAsLong();
  }

  private static PreconditionFailedException stale() {
    return new PreconditionFailedException("The product changed since it was read.");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
