package dev.stockroom.product.db;

import dev.stockroom.product.core.StockLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code stock_levels} row. */
public final class StockLevelMapper implements RowMapper<StockLevel> {
  @Override
  public StockLevel map(ResultSet rs, StatementContext ctx) throws SQLException {
    return ProductRows.level(rs);
  }
}
