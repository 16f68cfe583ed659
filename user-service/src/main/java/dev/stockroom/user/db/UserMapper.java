package dev.stockroom.user.db;

import dev.stockroom.user.core.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code users} row; roles are stored as a comma-separated, sorted list. */
public final class UserMapper implements RowMapper<User> {
  static final String COLUMNS =
      "id, email, email_normalized, display_name, password_hash, roles, version, created_at,"
          + " updated_at";

  @Override
  public User map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new User(
        rs.getObject("id", UUID.class),
        rs.getString("email"),
        rs.getString("email_normalized"),
        rs.getString("display_name"),
        rs.getString("password_hash"),
        parseRoles(rs.getString("roles")),
        rs.getLong("version"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  static String formatRoles(User user) {
    return String.join(",", user.roles());
  }

  private static TreeSet<String> parseRoles(String text) {
    TreeSet<String> roles = new TreeSet<>();
    if (text != null && !text.isBlank()) {
      roles.addAll(Arrays.asList(text.split(",")));
    }
    return roles;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
