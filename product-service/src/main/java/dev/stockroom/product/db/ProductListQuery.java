package dev.stockroom.product.db;

import dev.stockroom.product.core.ProductFilter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The catalog list: keyset-paginated in SKU order, with optional filters. The SQL text is assembled
 * only from the fixed fragments below (and numbered placeholders for ids); every client value is a
 * bound parameter. Each filter is left out when unused rather than written as {@code (:x IS NULL OR
 * ...)}, so PostgreSQL plans each shape with its index: the SKU index for paging, the primary key
 * for {@code ids}, the trigram index for {@code q}.
 */
public final class ProductListQuery {
  private final ProductFilter filter;
  private final String afterSku;
  private final int limit;

  public ProductListQuery(ProductFilter filter, Optional<String> afterSku, int limit) {
    this.filter = filter;
    this.afterSku = afterSku.orElse("");
    this.limit = limit;
  }

  public String sql() {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(ProductRows.PRODUCT_COLUMNS)
            .append(", ")
            .append(ProductRows.VIEW_COLUMNS)
            .append(" FROM products p LEFT JOIN stock_views v ON v.product_id = p.id")
            .append(" WHERE p.sku > :afterSku");
    if (filter.active().isPresent()) {
      sql.append(" AND p.active = :active");
    }
    if (filter.nameContains().isPresent()) {
      sql.append(" AND lower(p.name) LIKE :pattern ESCAPE '\\'");
    }
    List<UUID> ids = filter.ids();
    if (!ids.isEmpty()) {
      sql.append(" AND p.id IN (");
      for (int i = 0; i < ids.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append(":id").append(i);
      }
      sql.append(')');
    }
    return sql.append(" ORDER BY p.sku LIMIT :limit").toString();
  }

  public <S extends SqlStatement<S>> S bind(S statement) {
    statement.bind("afterSku", afterSku).bind("limit", limit);
    filter.active().ifPresent(active -> statement.bind("active", active));
    filter
        .nameContains()
        .ifPresent(text -> statement.bind("pattern", "%" + escapeLike(text) + "%"));
    List<UUID> ids = filter.ids();
    for (int i = 0; i < ids.size(); i++) {
      statement.bind("id" + i, ids.get(i));
    }
    return statement;
  }

  /** Makes every character of {@code text} literal in a LIKE pattern escaped by {@code \}. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
