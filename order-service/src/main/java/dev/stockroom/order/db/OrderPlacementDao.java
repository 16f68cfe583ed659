package dev.stockroom.order.db;

import dev.stockroom.order.core.Order;
import dev.stockroom.order.core.Product;
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
 * The statements of placing an order (and of claiming an idempotency key, which a payment does
 * too), apart from the other DAOs on purpose: JDBI copies its configuration for every method of a
 * DAO each time one is attached to a transaction's handle, and with every DAO attached that was a
 * fifth of an order POST's CPU. This one has four methods.
 */
@RegisterConstructorMapper(Product.class)
public interface OrderPlacementDao {
  @SqlQuery(
      "SELECT " + ProductReplicaDao.COLUMNS + " FROM product_replica WHERE product_id IN (<ids>)")
  List<Product> products(@BindList("ids") Collection<UUID> ids);

  /**
   * Claims the key, with the response when it is already known (else the response stays null). The
   * cast types a null id, which the PostgreSQL driver would otherwise send as text.
   */
  @SqlUpdate(
      """
      INSERT INTO idempotency_keys (user_id, scope, idem_key, request_hash, created_at, expires_at,
                                    response_status, response_body, resource_id)
      VALUES (:userId, :scope, :key, :hash, :now, :expiresAt, :status, :body,
              CAST(:resourceId AS UUID))
      ON CONFLICT DO NOTHING
      """)
  int claim(
      @Bind("userId") UUID userId,
      @Bind("scope") String scope,
      @Bind("key") String key,
      @Bind("hash") String requestHash,
      @Bind("now") Instant now,
      @Bind("expiresAt") Instant expiresAt,
      @Bind("status") Integer status,
      @Bind("body") String body,
      @Bind("resourceId") UUID resourceId);

  @SqlUpdate(
      """
      INSERT INTO orders (id, user_id, status, status_reason, total_minor, currency, version,
                          created_at, updated_at)
      VALUES (:o.id, :o.userId, :status, :o.statusReason, :o.totalMinor, :o.currency, :o.version,
              :o.createdAt, :o.updatedAt)
      """)
  void insertOrder(@BindMethods("o") Order order, @Bind("status") String status);

  @SqlBatch(
      """
      INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price_minor)
      VALUES (:orderId, :lineNo, :productId, :quantity, :unitPriceMinor)
      """)
  void insertLines(@BindMethods List<LineRow> lines);
}
