package dev.stockroom.product.db;

import dev.stockroom.product.core.ProductView;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a product row left-joined with its stock view. */
public final class ProductViewMapper implements RowMapper<ProductView> {
  @Override
  public ProductView map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ProductView(ProductRows.product(rs), ProductRows.availability(rs));
  }
}
