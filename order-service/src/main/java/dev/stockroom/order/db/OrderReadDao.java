package dev.stockroom.order.db;

import dev.stockroom.order.core.Order;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.UseRowReducer;

/**
 * The reads outside a transaction: an order, a page of them, the statuses the long-poll watcher
 * checks. Apart from {@link OrderDao} because attaching a DAO costs a configuration copy per method
 * (see {@link OrderPlacementDao}): with all of OrderDao's methods, attaching it was a fifth of a
 * GET's CPU. An order and a page come with their lines in one query, a round trip each.
 */
@RegisterConstructorMapper(OrderRow.class)
@RegisterConstructorMapper(LineRow.class)
public interface OrderReadDao {
  /** The line columns after {@code o.*}, none named like a column of {@code orders}. */
  String LINE_COLUMNS =
      "l.order_id, l.line_no, l.product_id, l.quantity, l.unit_price_minor, l.rejection_reason";

  /** Opens the subquery {@code o} of the orders wanted; {@link #THEIR_LINES} closes it. */
  String ORDERS =
      "SELECT o.*, " + LINE_COLUMNS + " FROM (SELECT " + OrderDao.COLUMNS + " FROM orders ";

  String THEIR_LINES = ") o LEFT JOIN order_lines l ON l.order_id = o.id ";

  @SqlQuery(ORDERS + "WHERE id = :id" + THEIR_LINES + "ORDER BY l.line_no")
  @UseRowReducer(OrderLinesReducer.class)
  Optional<Order> find(@Bind("id") UUID id);

  /**
   * Newest first, after the (created_at, id) position, each order with its lines; {@code
   * statusFilter} is empty or an {@code AND status = :status} clause.
   */
  @SqlQuery(
      ORDERS
          + """
          WHERE user_id = :userId <statusFilter>
            AND (created_at < :at OR (created_at = :at AND id < :id))
          ORDER BY created_at DESC, id DESC
          LIMIT :limit
          """
          + THEIR_LINES
          + "ORDER BY o.created_at DESC, o.id DESC, l.line_no")
  @UseRowReducer(OrderLinesReducer.class)
  List<Order> page(
      @Bind("userId") UUID userId,
      @Define("statusFilter") String statusFilter,
      @Bind("status") String status,
      @Bind("at") Instant at,
      @Bind("id") UUID id,
      @Bind("limit") int limit);

  /** The orders of {@code ids} that exist, without their lines. */
  @SqlQuery("SELECT " + OrderDao.COLUMNS + " FROM orders WHERE id IN (<ids>)")
  List<OrderRow> findAll(@BindList("ids") Collection<UUID> ids);
}
