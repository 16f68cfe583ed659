package dev.stockroom.user.db;

import dev.stockroom.user.core.RefreshToken;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** SQL for the {@code refresh_tokens} table; each write is its own transaction. */
@RegisterConstructorMapper(RefreshToken.class)
public interface RefreshTokenDao {
  @SqlUpdate(
      """
      INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, issued_at, expires_at)
      VALUES (:t.id, :t.userId, :t.familyId, :t.tokenHash, :t.issuedAt, :t.expiresAt)
      """)
  void insert(@BindMethods("t") RefreshToken token);

  @SqlQuery(
      """
      SELECT id, user_id, family_id, token_hash, issued_at, expires_at, rotated_at, revoked_at
        FROM refresh_tokens
       WHERE token_hash = :hash
      """)
  Optional<RefreshToken> findByHash(@Bind("hash") String tokenHash);

  /** Marks the token rotated if it is still active; 1 when this call won, 0 otherwise. */
  @SqlUpdate(
      """
      UPDATE refresh_tokens SET rotated_at = :at
       WHERE id = :id AND rotated_at IS NULL AND revoked_at IS NULL
      """)
  int markRotated(@Bind("id") UUID id, @Bind("at") Instant at);

  @SqlUpdate(
      "UPDATE refresh_tokens SET revoked_at = :at WHERE family_id = :familyId AND revoked_at IS NULL")
  int revokeFamily(@Bind("familyId") UUID familyId, @Bind("at") Instant at);

  @SqlUpdate(
      "UPDATE refresh_tokens SET revoked_at = :at WHERE user_id = :userId AND revoked_at IS NULL")
  int revokeAllOfUser(@Bind("userId") UUID userId, @Bind("at") Instant at);

  /** Deletes tokens that expired before {@code cutoff}; they can never be used again. */
  @SqlUpdate("DELETE FROM refresh_tokens WHERE expires_at < :cutoff")
  int deleteExpiredBefore(@Bind("cutoff") Instant cutoff);

  /**
   * Rotation as one transaction: the old token is marked only if still active, and the successor is
   * inserted only then.
   */
  @Transaction
  default boolean rotate(UUID id, Instant at, RefreshToken successor) {
    if (markRotated(id, at) != 1) {
      return false;
    }
    insert(successor);
    return true;
  }
}
