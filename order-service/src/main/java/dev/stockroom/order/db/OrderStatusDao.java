package dev.stockroom.order.db;

import dev.stockroom.order.core.Order;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for many orders at once: the stream processor's decisions, applied a poll at a time, the scan
 * for unpaid orders past their deadline and the count of the orders still waiting for a decision.
 * Apart from {@link OrderDao} for the reason given there.
 */
@RegisterConstructorMapper(OrderRow.class)
public interface OrderStatusDao {
  /** Locks in id order: concurrent batches then take their locks in the same order. */
  @SqlQuery(
      "SELECT " + OrderDao.COLUMNS + " FROM orders WHERE id IN (<ids>) ORDER BY id FOR UPDATE")
  List<OrderRow> lockAll(@BindList("ids") Collection<UUID> ids);

  @SqlBatch(
      """
      UPDATE orders SET status = :status, status_reason = :statusReason, expires_at = :expiresAt,
                        version = :version, updated_at = :updatedAt
       WHERE id = :id
      """)
  void updateStatuses(@BindMethods List<Order> orders);

  @SqlUpdate(
      "UPDATE order_lines SET rejection_reason = :reason"
          + " WHERE order_id = :orderId AND product_id = :productId")
  void setRejection(
      @Bind("orderId") UUID orderId,
      @Bind("productId") UUID productId,
      @Bind("reason") String reason);

  /** Matches the partial index on PostgreSQL: only CONFIRMED orders have a deadline. */
  @SqlQuery(
      """
      SELECT id FROM orders
       WHERE expires_at IS NOT NULL AND expires_at <= :now AND status = 'CONFIRMED'
       ORDER BY expires_at
       LIMIT :limit
      """)
  List<UUID> unpaidPast(@Bind("now") Instant now, @Bind("limit") int limit);

  /** Matches the partial index on PostgreSQL: only undecided orders are in it. */
  @SqlQuery("SELECT count(*) FROM orders WHERE status = 'PENDING'")
  long countPending();
}
