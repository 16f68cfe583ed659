package dev.stockroom.product.db;

import dev.stockroom.product.core.StockLevel;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code stock_levels} and its history {@code stock_changes}. */
@RegisterRowMapper(StockLevelMapper.class)
public interface StockDao {
  @SqlQuery("SELECT " + ProductRows.LEVEL_COLUMNS + " FROM stock_levels s WHERE s.product_id = :id")
  Optional<StockLevel> find(@Bind("id") UUID productId);

  /**
   * Adds {@code delta} in one statement, so concurrent adjustments serialize on the row lock and
   * none is lost; the guard leaves the row untouched (0 rows) when the result would be negative.
   */
  @SqlUpdate(
      """
      UPDATE stock_levels
         SET on_hand = on_hand + :delta, version = version + 1, updated_at = :at
       WHERE product_id = :id AND on_hand + :delta >= 0
      """)
  int adjust(@Bind("id") UUID productId, @Bind("delta") long delta, @Bind("at") Instant at);

  /** Sets {@code on_hand} if the level is still at {@code expectedVersion}; 1 when it was. */
  @SqlUpdate(
      """
      UPDATE stock_levels
         SET on_hand = :onHand, version = version + 1, updated_at = :at
       WHERE product_id = :id AND version = :expectedVersion
      """)
  int set(
      @Bind("id") UUID productId,
      @Bind("onHand") long onHand,
      @Bind("expectedVersion") long expectedVersion,
      @Bind("at") Instant at);

  @SqlUpdate(
      """
      INSERT INTO stock_changes (id, product_id, version, delta, on_hand, reason, actor, created_at)
      VALUES (:id, :productId, :version, :delta, :onHand, :reason, :actor, :at)
      """)
  void recordChange(
      @Bind("id") UUID id,
      @Bind("productId") UUID productId,
      @Bind("version") long version,
      @Bind("delta") long delta,
      @Bind("onHand") long onHand,
      @Bind("reason") String reason,
      @Bind("actor") UUID actor,
      @Bind("at") Instant at);
}
