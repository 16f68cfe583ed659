package dev.stockroom.order.db;

import dev.stockroom.order.core.Product;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * SQL for {@code product_replica}: the newest version of each product wins, whatever order the
 * events arrive in, and a repeat of an applied version changes nothing.
 */
@RegisterConstructorMapper(Product.class)
public interface ProductReplicaDao {
  String COLUMNS = "product_id AS id, price_minor, currency, active, version";

  /**
   * Stores the product at {@code version} unless a version at least as new is already held.
   *
   * @return true when the replica changed
   */
  @Transaction
  default boolean upsert(
      UUID id, Long priceMinor, String currency, boolean active, long version, Instant now) {
    if (update(id, priceMinor, currency, active, version, now) == 1) {
      return true;
    }
    return insert(id, priceMinor, currency, active, version, now) == 1;
  }

  /**
   * Marks the product not sellable at {@code version}; keeps its last known price.
   *
   * @return true when the replica changed
   */
  @Transaction
  default boolean discontinue(UUID id, long version, Instant now) {
    if (markInactive(id, version, now) == 1) {
      return true;
    }
    return insert(id, null, null, false, version, now) == 1;
  }

  @SqlUpdate(
      """
      UPDATE product_replica
         SET price_minor = :price, currency = :currency, active = :active, version = :version,
             replicated_at = :now
       WHERE product_id = :id AND version < :version
      """)
  int update(
      @Bind("id") UUID id,
      @Bind("price") Long priceMinor,
      @Bind("currency") String currency,
      @Bind("active") boolean active,
      @Bind("version") long version,
      @Bind("now") Instant now);

  @SqlUpdate(
      """
      UPDATE product_replica SET active = FALSE, version = :version, replicated_at = :now
       WHERE product_id = :id AND version < :version
      """)
  int markInactive(@Bind("id") UUID id, @Bind("version") long version, @Bind("now") Instant now);

  @SqlUpdate(
      """
      INSERT INTO product_replica (product_id, price_minor, currency, active, version,
                                   replicated_at)
      VALUES (:id, :price, :currency, :active, :version, :now)
      ON CONFLICT DO NOTHING
      """)
  int insert(
      @Bind("id") UUID id,
      @Bind("price") Long priceMinor,
      @Bind("currency") String currency,
      @Bind("active") boolean active,
      @Bind("version") long version,
      @Bind("now") Instant now);

  @SqlQuery("SELECT " + COLUMNS + " FROM product_replica WHERE product_id = :id")
  Optional<Product> find(@Bind("id") UUID id);
}
