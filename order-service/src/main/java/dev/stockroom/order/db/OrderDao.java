package dev.stockroom.order.db;

import dev.stockroom.order.core.Order;
import dev.stockroom.order.core.OrderStatus;
import dev.stockroom.order.core.Payment;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code orders}, {@code order_lines} and {@code payments}. */
@RegisterConstructorMapper(OrderRow.class)
@RegisterConstructorMapper(LineRow.class)
public interface OrderDao {
  String COLUMNS =
      "id, user_id, status, status_reason, expires_at, total_minor, currency, version, created_at,"
          + " updated_at";

  @SqlQuery("SELECT " + COLUMNS + " FROM orders WHERE id = :id FOR UPDATE")
  Optional<OrderRow> lock(@Bind("id") UUID id);

  /** Locks in id order: concurrent batches then take their locks in the same order. */
  @SqlQuery("SELECT " + COLUMNS + " FROM orders WHERE id IN (<ids>) ORDER BY id FOR UPDATE")
  List<OrderRow> lockAll(@BindList("ids") Collection<UUID> ids);

  @SqlQuery(
      """
      SELECT order_id, line_no, product_id, quantity, unit_price_minor, rejection_reason
        FROM order_lines WHERE order_id = :id ORDER BY line_no
      """)
  List<LineRow> lines(@Bind("id") UUID orderId);

  @SqlUpdate(
      """
      UPDATE orders SET status = :status, status_reason = :reason, expires_at = :expiresAt,
                        version = :version, updated_at = :at
       WHERE id = :id
      """)
  void updateStatus(
      @Bind("id") UUID id,
      @Bind("status") OrderStatus status,
      @Bind("reason") String reason,
      @Bind("expiresAt") Instant expiresAt,
      @Bind("version") long version,
      @Bind("at") Instant at);

  /** Matches the partial index on PostgreSQL: only CONFIRMED orders have a deadline. */
  @SqlQuery(
      """
      SELECT id FROM orders
       WHERE expires_at IS NOT NULL AND expires_at <= :now AND status = 'CONFIRMED'
       ORDER BY expires_at
       LIMIT :limit
      """)
  List<UUID> unpaidPast(@Bind("now") Instant now, @Bind("limit") int limit);

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

  @SqlUpdate(
      """
      INSERT INTO payments (id, order_id, amount_minor, currency, gateway, gateway_reference,
                            created_at)
      VALUES (:id, :orderId, :amountMinor, :currency, :gateway, :gatewayReference, :createdAt)
      """)
  void insertPayment(@BindMethods Payment payment);
}
