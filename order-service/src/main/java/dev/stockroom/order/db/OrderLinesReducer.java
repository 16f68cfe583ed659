package dev.stockroom.order.db;

import dev.stockroom.order.core.Order;
import dev.stockroom.order.core.OrderItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.result.RowReducer;
import org.jdbi.v3.core.result.RowView;

/**
 * Folds the rows of {@code orders LEFT JOIN order_lines}, one per line, into orders with their
 * lines, in the order the query gave them. An order without lines (a row whose line columns are
 * null) comes out with none.
 */
public final class OrderLinesReducer
    implements RowReducer<Map<UUID, OrderLinesReducer.Folding>, Order> {

  /** One order while its rows are read. */
  static final class Folding {
    private final OrderRow row;
    private final List<OrderItem> items = new ArrayList<>();

    private Folding(OrderRow row) {
      this.row = row;
    }
  }

  @Override
  public Map<UUID, Folding> container() {
    return new LinkedHashMap<>();
  }

  @Override
  public void accumulate(Map<UUID, Folding> orders, RowView row) {
    Folding order =
        orders.computeIfAbsent(
            row.getColumn("id", UUID.class), id -> new Folding(row.getRow(OrderRow.class)));
    if (row.getColumn("line_no", Integer.class) != null) {
      order.items.add(row.getRow(LineRow.class).toItem());
    }
  }

  @Override
  public Stream<Order> stream(Map<UUID, Folding> orders) {
    return orders.values().stream().map(o -> o.row.withItems(List.copyOf(o.items)));
  }
}
