package dev.stockroom.product.db;

import dev.stockroom.product.core.Product;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code products} row. */
public final class ProductMapper implements RowMapper<Product> {
  @Override
  public Product map(ResultSet rs, StatementContext ctx) throws SQLException {
    return ProductRows.product(rs);
  }
}
