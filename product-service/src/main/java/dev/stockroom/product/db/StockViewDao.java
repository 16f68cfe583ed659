package dev.stockroom.product.db;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code stock_views}, the local copy of the stream processor's {@code stock.v1}. */
public interface StockViewDao {
  /**
   * Stores a view unless the stored one has a higher version. A view with the same version is
   * applied: reservations change {@code reserved} without a new stock version, and records of one
   * product arrive in partition order, so the later one is the current one.
   *
   * @return whether the view was stored
   */
  default boolean apply(
      UUID productId, long onHand, long reserved, long available, long version, Instant at) {
    int updated = update(productId, onHand, reserved, available, version, at);
    if (updated == 1) {
      return true;
    }
    // Either no row yet, or a newer one: the insert only succeeds in the first case.
    return insertIfAbsent(productId, onHand, reserved, available, version, at) == 1;
  }

  @SqlUpdate(
      """
      UPDATE stock_views
         SET on_hand = :onHand, reserved = :reserved, available = :available, version = :version,
             updated_at = :at
       WHERE product_id = :productId AND version <= :version
      """)
  int update(
      @Bind("productId") UUID productId,
      @Bind("onHand") long onHand,
      @Bind("reserved") long reserved,
      @Bind("available") long available,
      @Bind("version") long version,
      @Bind("at") Instant at);

  @SqlUpdate(
      """
      INSERT INTO stock_views (product_id, on_hand, reserved, available, version, updated_at)
      VALUES (:productId, :onHand, :reserved, :available, :version, :at)
      ON CONFLICT DO NOTHING
      """)
  int insertIfAbsent(
      @Bind("productId") UUID productId,
      @Bind("onHand") long onHand,
      @Bind("reserved") long reserved,
      @Bind("available") long available,
      @Bind("version") long version,
      @Bind("at") Instant at);
}
