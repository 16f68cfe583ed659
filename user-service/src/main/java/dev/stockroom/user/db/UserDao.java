package dev.stockroom.user.db;

import dev.stockroom.user.core.User;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the {@code users} table. Used inside {@link JdbiUserStore}'s transactions. */
@RegisterRowMapper(UserMapper.class)
public interface UserDao {
  @SqlUpdate(
      """
      INSERT INTO users (id, email, email_normalized, display_name, password_hash, roles,
                         version, created_at, updated_at)
      VALUES (:u.id, :u.email, :u.emailNormalized, :u.displayName, :u.passwordHash, :roles,
              :u.version, :u.createdAt, :u.updatedAt)
      """)
  void insert(@BindMethods("u") User user, @Bind("roles") String roles);

  @SqlQuery("SELECT " + UserMapper.COLUMNS + " FROM users WHERE id = :id")
  Optional<User> findById(@Bind("id") UUID id);

  @SqlQuery("SELECT " + UserMapper.COLUMNS + " FROM users WHERE email_normalized = :email")
  Optional<User> findByEmail(@Bind("email") String emailNormalized);

  /**
   * A page ordered by (email_normalized, id). {@code pattern} is a LIKE pattern with {@code \} as
   * escape; the position is exclusive ({@code ""} and the nil UUID mean "from the start").
   */
  @SqlQuery(
      "SELECT "
          + UserMapper.COLUMNS
          + """
           FROM users
          WHERE email_normalized LIKE :pattern ESCAPE '\\'
            AND (email_normalized > :afterEmail
                 OR (email_normalized = :afterEmail AND id > :afterId))
          ORDER BY email_normalized, id
          LIMIT :limit
          """)
  List<User> list(
      @Bind("pattern") String pattern,
      @Bind("afterEmail") String afterEmail,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  @SqlUpdate(
      """
      UPDATE users
         SET display_name = :u.displayName, password_hash = :u.passwordHash, roles = :roles,
             version = :u.version, updated_at = :u.updatedAt
       WHERE id = :u.id AND version = :expectedVersion
      """)
  int update(
      @BindMethods("u") User user,
      @Bind("roles") String roles,
      @Bind("expectedVersion") long expectedVersion);

  @SqlQuery("SELECT count(*) FROM users")
  long count();
}
