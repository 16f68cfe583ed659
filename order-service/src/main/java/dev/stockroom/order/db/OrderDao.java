package dev.stockroom.order.db;

import dev.stockroom.order.core.OrderStatus;
import dev.stockroom.order.core.Payment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for a change to one order, a cancel, a payment or an expiry: lock it with its lines, record
 * the payment, move its status. The processor's decisions, applied in batches, are in {@link
 * OrderStatusDao}. The two are apart because attaching a DAO copies its configuration once per
 * method (see {@link OrderPlacementDao}): with both sets of methods here, attaching it in pay and
 * cancel was 7% of order-service's CPU under the benchmark's end-to-end load.
 */
@RegisterConstructorMapper(OrderRow.class)
@RegisterConstructorMapper(LineRow.class)
public interface OrderDao {
  String COLUMNS =
      "id, user_id, status, status_reason, expires_at, total_minor, currency, version, created_at,"
          + " updated_at";

  @SqlQuery("SELECT " + COLUMNS + " FROM orders WHERE id = :id FOR UPDATE")
  Optional<OrderRow> lock(@Bind("id") UUID id);

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

  @SqlUpdate(
      """
      INSERT INTO payments (id, order_id, amount_minor, currency, gateway, gateway_reference,
                            created_at)
      VALUES (:id, :orderId, :amountMinor, :currency, :gateway, :gatewayReference, :createdAt)
      """)
  void insertPayment(@BindMethods Payment payment);
}
