package dev.stockroom.product.db;

import dev.stockroom.platform.db.SqlObjects;
import dev.stockroom.product.core.CatalogReads;
import dev.stockroom.product.core.ProductFilter;
import dev.stockroom.product.core.ProductView;
import dev.stockroom.product.core.StockStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link CatalogReads} on the read data source: the replica when one is configured, else the
 * primary. Product reads left-join the stock view, so availability comes with them.
 */
public final class JdbiCatalogReads implements CatalogReads {
  private final Jdbi jdbi;

  public JdbiCatalogReads(Jdbi readJdbi) {
    this.jdbi = Objects.requireNonNull(readJdbi, "readJdbi");
    SqlObjects.prepare(jdbi, ProductDao.class);
  }

  @Override
  public Optional<ProductView> find(UUID id) {
    return jdbi.withExtension(ProductDao.class, dao -> dao.findViewById(id));
  }

  @Override
  public Optional<ProductView> findBySku(String sku) {
    return jdbi.withExtension(ProductDao.class, dao -> dao.findViewBySku(sku));
  }

  @Override
  public List<ProductView> list(ProductFilter filter, Optional<String> afterSku, int limit) {
    ProductListQuery query = new ProductListQuery(filter, afterSku, limit);
    return jdbi.withHandle(
        handle -> query.bind(handle.createQuery(query.sql())).map(new ProductViewMapper()).list());
  }

  @Override
  public Optional<StockStatus> stock(UUID productId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + ProductRows.LEVEL_COLUMNS
                        + ", "
                        + ProductRows.VIEW_COLUMNS
                        + " FROM stock_levels s LEFT JOIN stock_views v"
                        + " ON v.product_id = s.product_id WHERE s.product_id = :id")
                .bind("id", productId)
                .map(
                    (rs, ctx) ->
                        new StockStatus(ProductRows.level(rs), ProductRows.availability(rs)))
                .findOne());
  }
}
