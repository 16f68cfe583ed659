package dev.stockroom.product.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Remembers single-product reads (by id and by SKU, found or not) for a short time, so a hot
 * product is read from the database once per {@code ttl} instead of once per request. Reads already
 * allow this lag: they may come from a replica, availability follows the stream processor, and
 * responses carry {@code Cache-Control: max-age} far longer than {@code ttl}. The writer's own
 * instance forgets a product as soon as it changes it ({@link #forget}). Lists and stock levels are
 * not cached.
 */
public final class CachedCatalogReads implements CatalogReads {
  private final CatalogReads reads;
  private final Cache<UUID, Optional<ProductView>> byId;
  private final Cache<String, Optional<ProductView>> bySku;

  public CachedCatalogReads(CatalogReads reads, Duration ttl, long maxProducts, Ticker ticker) {
    this.reads = Objects.requireNonNull(reads, "reads");
    this.byId = build(ttl, maxProducts, ticker);
    this.bySku = build(ttl, maxProducts, ticker);
  }

  private static <K> Cache<K, Optional<ProductView>> build(
      Duration ttl, long maxProducts, Ticker ticker) {
    return Caffeine.newBuilder()
        .expireAfterWrite(ttl)
        .maximumSize(maxProducts)
        .ticker(ticker)
        .build();
  }

  @Override
  public Optional<ProductView> find(UUID id) {
    return byId.get(id, reads::find);
  }

  @Override
  public Optional<ProductView> findBySku(String sku) {
    return bySku.get(sku, reads::findBySku);
  }

  @Override
  public List<ProductView> list(ProductFilter filter, Optional<String> afterSku, int limit) {
    return reads.list(filter, afterSku, limit);
  }

  @Override
  public Optional<StockStatus> stock(UUID productId) {
    return reads.stock(productId);
  }

  @Override
  public void forget(Product changed) {
    byId.invalidate(changed.id());
    // The old SKU's entry points at this product too; without the old SKU at hand, drop any
    // entry that shows this product, and the new SKU (which may have been cached as absent).
    bySku
        .asMap()
        .values()
        .removeIf(v -> v.filter(p -> p.product().id().equals(changed.id())).isPresent());
    bySku.invalidate(changed.sku());
    reads.forget(changed);
  }
}
