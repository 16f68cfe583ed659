package dev.stockroom.product.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedCatalogReadsTest {
  private static final Duration TTL = Duration.ofSeconds(1);
  private static final Instant AT = Instant.parse("2026-11-28T08:00:00Z");

  private final Catalog database = new Catalog();
  private final AtomicLong nanos = new AtomicLong();
  private final CachedCatalogReads cached = new CachedCatalogReads(database, TTL, 100, nanos::get);

  @Test
  void aProductIsReadFromTheDatabaseOncePerTtl() {
    Product lamp = database.put(product("LAMP-1", 1999));

    for (int i = 0; i < 5; i++) {
      assertThat(cached.find(lamp.id())).map(v -> v.product().priceMinor()).contains(1999L);
      assertThat(cached.findBySku("LAMP-1")).map(v -> v.product().id()).contains(lamp.id());
    }
    assertThat(database.queries).hasSize(2);

    nanos.addAndGet(TTL.toNanos() + 1);
    cached.find(lamp.id());
    cached.findBySku("LAMP-1");
    assertThat(database.queries).hasSize(4);
  }

  @Test
  void aChangeMadeElsewhereShowsAfterTheTtl() {
    Product lamp = database.put(product("LAMP-1", 1999));
    cached.find(lamp.id());

    database.put(lamp.withDraft(draft("LAMP-1", 2499), AT.plusSeconds(1)));
    assertThat(cached.find(lamp.id())).map(v -> v.product().priceMinor()).contains(1999L);

    nanos.addAndGet(TTL.toNanos() + 1);
    assertThat(cached.find(lamp.id())).map(v -> v.product().priceMinor()).contains(2499L);
  }

  @Test
  void absentProductsAreRememberedUntilThisInstanceCreatesThem() {
    UUID unknown = UUID.randomUUID();
    assertThat(cached.find(unknown)).isEmpty();
    assertThat(cached.findBySku("NEW-1")).isEmpty();
    assertThat(cached.find(unknown)).isEmpty();
    assertThat(database.queries).hasSize(2);

    Product created = database.put(Product.create(unknown, draft("NEW-1", 500), AT));
    cached.forget(created);

    assertThat(cached.find(unknown)).isPresent();
    assertThat(cached.findBySku("NEW-1")).isPresent();
  }

  @Test
  void forgettingAProductDropsItUnderItsIdItsOldSkuAndItsNewSku() {
    Product lamp = database.put(product("LAMP-1", 1999));
    cached.find(lamp.id());
    cached.findBySku("LAMP-1");
    cached.findBySku("LAMP-2");

    Product renamed = lamp.withDraft(draft("LAMP-2", 1999), AT.plusSeconds(1));
    database.remove(lamp);
    database.put(renamed);
    cached.forget(renamed);

    assertThat(cached.find(lamp.id())).map(v -> v.product().sku()).contains("LAMP-2");
    assertThat(cached.findBySku("LAMP-1")).isEmpty();
    assertThat(cached.findBySku("LAMP-2")).map(v -> v.product().id()).contains(lamp.id());
  }

  @Test
  void listsAndStockLevelsAlwaysGoToTheDatabase() {
    Product lamp = database.put(product("LAMP-1", 1999));
    ProductFilter all = new ProductFilter(Optional.empty(), Optional.empty(), List.of());

    cached.list(all, Optional.empty(), 10);
    cached.list(all, Optional.empty(), 10);
    cached.stock(lamp.id());
    cached.stock(lamp.id());

    assertThat(database.queries).hasSize(4);
  }

  private static Product product(String sku, long priceMinor) {
    return Product.create(UUID.randomUUID(), draft(sku, priceMinor), AT);
  }

  private static ProductDraft draft(String sku, long priceMinor) {
    return new ProductDraft(sku, "Lamp", "A desk lamp", priceMinor, "EUR", true);
  }

  /** The database side: products in memory, every query recorded. */
  private static final class Catalog implements CatalogReads {
    final List<String> queries = new ArrayList<>();
    private final Map<UUID, Product> products = new HashMap<>();

    Product put(Product product) {
      products.put(product.id(), product);
      return product;
    }

    void remove(Product product) {
      products.remove(product.id());
    }

    @Override
    public Optional<ProductView> find(UUID id) {
      queries.add("find " + id);
      return Optional.ofNullable(products.get(id)).map(p -> new ProductView(p, Optional.empty()));
    }

    @Override
    public Optional<ProductView> findBySku(String sku) {
      queries.add("findBySku " + sku);
      return products.values().stream()
          .filter(p -> p.sku().equals(sku))
          .findFirst()
          .map(p -> new ProductView(p, Optional.empty()));
    }

    @Override
    public List<ProductView> list(ProductFilter filter, Optional<String> afterSku, int limit) {
      queries.add("list");
      return products.values().stream().map(p -> new ProductView(p, Optional.empty())).toList();
    }

    @Override
    public Optional<StockStatus> stock(UUID productId) {
      queries.add("stock " + productId);
      return Optional.empty();
    }
  }
}
