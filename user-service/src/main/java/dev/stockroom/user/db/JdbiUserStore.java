package dev.stockroom.user.db;

import dev.stockroom.platform.db.SqlObjects;
import dev.stockroom.platform.outbox.Outbox;
import dev.stockroom.user.core.EmailAlreadyUsedException;
import dev.stockroom.user.core.User;
import dev.stockroom.user.core.UserCursor;
import dev.stockroom.user.core.UserStore;
import dev.stockroom.user.events.UserEvents;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link UserStore} on the service's database. Each write is one transaction holding the row
 * change, the outbox event and, for a password change, the refresh-token revocation.
 */
public final class JdbiUserStore implements UserStore {
  // SQLSTATE for a unique violation, the same in PostgreSQL and H2.
  private static final String UNIQUE_VIOLATION = "23505";
  private static final UUID NIL = new UUID(0, 0);

  private final Jdbi jdbi;
  private final Outbox outbox;
  private final UserDao reads;

  public JdbiUserStore(Jdbi jdbi, Outbox outbox) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    SqlObjects.prepare(this.jdbi, UserDao.class, RefreshTokenDao.class);
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.reads = jdbi.onDemand(UserDao.class);
  }

  @Override
  public void create(User user) {
    try {
      jdbi.useTransaction(
          handle -> {
            handle.attach(UserDao.class).insert(user, UserMapper.formatRoles(user));
            outbox.append(handle, UserEvents.registered(user));
          });
    } catch (UnableToExecuteStatementException e) {
      if (isUniqueViolation(e)) {
        throw new EmailAlreadyUsedException();
      }
      throw e;
    }
  }

  @Override
  public Optional<User> findById(UUID id) {
    return reads.findById(id);
  }

  @Override
  public Optional<User> findByEmail(String emailNormalized) {
    return reads.findByEmail(emailNormalized);
  }

  @Override
  public List<User> list(Optional<String> emailPrefix, Optional<UserCursor> after, int limit) {
    String pattern = emailPrefix.map(JdbiUserStore::escapeLike).orElse("") + "%";
    return reads.list(
        pattern,
        after.map(UserCursor::emailNormalized).orElse(""),
        after.map(UserCursor::id).orElse(NIL),
        limit);
  }

  @Override
  public Optional<User> update(User before, User after) {
    return jdbi.inTransaction(
        handle -> {
          int updated =
              handle
                  .attach(UserDao.class)
                  .update(after, UserMapper.formatRoles(after), before.version());
          if (updated != 1) {
            return Optional.<User>empty();
          }
          if (!before.displayName().equals(after.displayName())
              || !before.roles().equals(after.roles())) {
            outbox.append(handle, UserEvents.updated(after));
          }
          if (!before.passwordHash().equals(after.passwordHash())) {
            handle.attach(RefreshTokenDao.class).revokeAllOfUser(after.id(), after.updatedAt());
          }
          return Optional.of(after);
        });
  }

  /** Makes every character of {@code prefix} literal in a LIKE pattern escaped by {@code \}. */
  static String escapeLike(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
