package dev.stockroom.product.db;

import dev.stockroom.product.core.Product;
import dev.stockroom.product.core.ProductView;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/** SQL for {@code products} (and the empty stock level a new product gets). */
public interface ProductDao {
  @SqlUpdate(
      """
      INSERT INTO products (id, sku, name, description, price_minor, currency, active, version,
                            created_at, updated_at)
      VALUES (:p.id, :p.sku, :p.name, :p.description, :p.priceMinor, :p.currency, :p.active,
              :p.version, :p.createdAt, :p.updatedAt)
      """)
  void insert(@BindMethods("p") Product product);

  @SqlUpdate(
      """
      INSERT INTO stock_levels (product_id, on_hand, version, updated_at)
      VALUES (:productId, 0, 0, :at)
      """)
  void insertEmptyStock(@Bind("productId") UUID productId, @Bind("at") Instant at);

  @SqlQuery("SELECT " + ProductRows.PRODUCT_COLUMNS + " FROM products p WHERE p.id = :id")
  @UseRowMapper(ProductMapper.class)
  Optional<Product> findById(@Bind("id") UUID id);

  @SqlQuery(
      "SELECT "
          + ProductRows.PRODUCT_COLUMNS
          + ", "
          + ProductRows.VIEW_COLUMNS
          + " FROM products p LEFT JOIN stock_views v ON v.product_id = p.id WHERE p.id = :id")
  @UseRowMapper(ProductViewMapper.class)
  Optional<ProductView> findViewById(@Bind("id") UUID id);

  @SqlQuery(
      "SELECT "
          + ProductRows.PRODUCT_COLUMNS
          + ", "
          + ProductRows.VIEW_COLUMNS
          + " FROM products p LEFT JOIN stock_views v ON v.product_id = p.id WHERE p.sku = :sku")
  @UseRowMapper(ProductViewMapper.class)
  Optional<ProductView> findViewBySku(@Bind("sku") String sku);

  /** Writes {@code p} over the row if it is still at {@code expectedVersion}; 1 when it was. */
  @SqlUpdate(
      """
      UPDATE products
         SET sku = :p.sku, name = :p.name, description = :p.description,
             price_minor = :p.priceMinor, currency = :p.currency, active = :p.active,
             version = :p.version, updated_at = :p.updatedAt
       WHERE id = :p.id AND version = :expectedVersion
      """)
  int update(@BindMethods("p") Product product, @Bind("expectedVersion") long expectedVersion);
}
