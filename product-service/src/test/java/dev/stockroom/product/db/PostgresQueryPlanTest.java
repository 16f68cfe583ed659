package dev.stockroom.product.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.PostgresDatabase;
import dev.stockroom.product.core.ProductFilter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The list endpoint's queries on a catalog big enough (20,000 products, each with a stock view,
 * analyzed) that PostgreSQL's own cost estimates decide: batch lookups by id and keyset paging must
 * use indexes, never read the whole table. The planner is not nudged ({@code enable_seqscan} stays
 * on); the plans are the ones production would get.
 */
class PostgresQueryPlanTest {
  @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

  private static Jdbi jdbi;
  private static List<UUID> someIds;

  @BeforeAll
  static void bigCatalog() {
    jdbi = TestSchema.migrate(DB.jdbcUrl(), DB.user(), DB.password());
    jdbi.useHandle(
        h -> {
          h.execute(
              """
              INSERT INTO products (id, sku, name, description, price_minor, currency, active,
                                    version, created_at, updated_at)
              SELECT gen_random_uuid(), 'SKU-' || lpad(i::text, 6, '0'), 'Product ' || i, NULL,
                     i, 'EUR', i % 10 <> 0, 1, now(), now()
                FROM generate_series(1, 20000) AS i
              """);
          h.execute(
              """
              INSERT INTO stock_views (product_id, on_hand, reserved, available, version,
                                       updated_at)
              SELECT id, 10, 1, 9, 1, now() FROM products
              """);
          h.execute("ANALYZE products");
          h.execute("ANALYZE stock_views");
        });
    someIds =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT id FROM products WHERE sku IN ('SKU-000042', 'SKU-019999')")
                    .mapTo(UUID.class)
                    .list());
  }

  @Test
  void batchLookupByIdsUsesThePrimaryKey() {
    String plan =
        plan(
            new ProductListQuery(
                ProductFilter.of(null, Optional.empty(), someIds), Optional.empty(), 21));

    assertThat(plan).contains("pk_products").doesNotContain("Seq Scan");
  }

  @Test
  void firstAndLaterPagesWalkTheSkuIndex() {
    ProductFilter none = ProductFilter.none();

    assertThat(plan(new ProductListQuery(none, Optional.empty(), 21)))
        .contains("uq_products_sku")
        .doesNotContain("Seq Scan");
    assertThat(plan(new ProductListQuery(none, Optional.of("SKU-010000"), 21)))
        .contains("uq_products_sku")
        .doesNotContain("Seq Scan");
  }

  @Test
  void pagingActiveProductsUsesAnIndex() {
    ProductFilter active = ProductFilter.of(null, Optional.of(true), List.of());

    assertThat(plan(new ProductListQuery(active, Optional.of("SKU-010000"), 21)))
        .containsPattern("ix_products_active_sku|uq_products_sku")
        .doesNotContain("Seq Scan");
  }

  @Test
  void nameSearchUsesTheTrigramIndex() {
    // Every generated name contains "product", so only the digits are selective here.
    ProductFilter search = ProductFilter.of("1234", Optional.empty(), List.of());

    long trigramIndexes =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM pg_indexes WHERE indexname = :name")
                    .bind("name", "ix_products_name_trgm")
                    .mapTo(Long.class)
                    .one());
    assertThat(trigramIndexes).isEqualTo(1);
    assertThat(plan(new ProductListQuery(search, Optional.empty(), 21)))
        .contains("ix_products_name_trgm")
        .doesNotContain("Seq Scan on products");
  }

  @Test
  void theQueriesReturnWhatTheyPlan() {
    List<String> skus =
        jdbi
            .withHandle(
                h -> {
                  ProductListQuery query =
                      new ProductListQuery(ProductFilter.none(), Optional.of("SKU-019998"), 21);
                  return query.bind(h.createQuery(query.sql())).map(new ProductViewMapper()).list();
                })
            .stream()
            .map(v -> v.product().sku())
            .toList();

    assertThat(skus).containsExactly("SKU-019999", "SKU-020000");
  }

  private static String plan(ProductListQuery query) {
    return jdbi.withHandle(
        h ->
            String.join(
                "\n",
                query.bind(h.createQuery("EXPLAIN " + query.sql())).mapTo(String.class).list()));
  }
}
