package dev.stockroom.order.db;

import dev.stockroom.order.core.OrderTransaction.StoredKey;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code idempotency_keys}. */
@RegisterConstructorMapper(StoredKey.class)
public interface IdempotencyKeyDao {
  @SqlUpdate(
      """
      DELETE FROM idempotency_keys
       WHERE user_id = :userId AND scope = :scope AND idem_key = :key AND expires_at <= :now
      """)
  int deleteExpired(
      @Bind("userId") UUID userId,
      @Bind("scope") String scope,
      @Bind("key") String key,
      @Bind("now") Instant now);

  @SqlQuery(
      """
      SELECT request_hash, response_status AS status, response_body AS body, resource_id
        FROM idempotency_keys
       WHERE user_id = :userId AND scope = :scope AND idem_key = :key AND expires_at > :now
      """)
  Optional<StoredKey> find(
      @Bind("userId") UUID userId,
      @Bind("scope") String scope,
      @Bind("key") String key,
      @Bind("now") Instant now);

  @SqlUpdate(
      """
      UPDATE idempotency_keys
         SET response_status = :status, response_body = :body, resource_id = :resourceId
       WHERE user_id = :userId AND scope = :scope AND idem_key = :key
      """)
  void saveResponse(
      @Bind("userId") UUID userId,
      @Bind("scope") String scope,
      @Bind("key") String key,
      @Bind("status") int status,
      @Bind("body") String body,
      @Bind("resourceId") UUID resourceId);

  /** Deletes up to {@code limit} expired keys; called repeatedly by the sweeper. */
  @SqlUpdate(
      """
      DELETE FROM idempotency_keys
       WHERE (user_id, scope, idem_key) IN (
         SELECT user_id, scope, idem_key FROM idempotency_keys
          WHERE expires_at <= :now LIMIT :limit)
      """)
  int deleteAllExpired(@Bind("now") Instant now, @Bind("limit") int limit);
}
