package dev.stockroom.product.db;

import dev.stockroom.product.core.Availability;
import dev.stockroom.product.core.Product;
import dev.stockroom.product.core.StockLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Column lists and row mappers for {@code products} (alias {@code p}), {@code stock_levels} (alias
 * {@code s}) and the left-joined {@code stock_views} (alias {@code v}, columns prefixed {@code
 * view_}, all null while no view exists).
 */
final class ProductRows {
  static final String PRODUCT_COLUMNS =
      "p.id, p.sku, p.name, p.description, p.price_minor, p.currency, p.active, p.version,"
          + " p.created_at, p.updated_at";

  static final String VIEW_COLUMNS =
      "v.on_hand AS view_on_hand, v.reserved AS view_reserved, v.available AS view_available,"
          + " v.version AS view_version";

  static final String LEVEL_COLUMNS = "s.product_id, s.on_hand, s.version, s.updated_at";

  private ProductRows() {}

  static Product product(ResultSet rs) throws SQLException {
    return new Product(
        rs.getObject("id", UUID.class),
        rs.getString("sku"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getLong("price_minor"),
        rs.getString("currency"),
        rs.getBoolean("active"),
        rs.getLong("version"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  static StockLevel level(ResultSet rs) throws SQLException {
    return new StockLevel(
        rs.getObject("product_id", UUID.class),
        rs.getLong("on_hand"),
        rs.getLong("version"),
        instant(rs, "updated_at"));
  }

  static Optional<Availability> availability(ResultSet rs) throws SQLException {
    long version = rs.getLong("view_version");
    if (rs.wasNull()) {
      return Optional.empty();
    }
    return Optional.of(
        new Availability(
            rs.getLong("view_on_hand"),
            rs.getLong("view_reserved"),
            rs.getLong("view_available"),
            version));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
