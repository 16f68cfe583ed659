package dev.stockroom.platform.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The relay's and the monitor's queries on {@code outbox_events}; portable to H2 and PostgreSQL.
 */
public interface OutboxDao {
  /** The oldest unpublished rows in id order; served by the unpublished-rows index. */
  @SqlQuery(
      """
      SELECT id, event_id, topic, message_key, event_type, payload, headers, created_at
      FROM outbox_events
      WHERE published_at IS NULL
      ORDER BY id
      LIMIT :limit
      """)
  @RegisterConstructorMapper(OutboxRow.class)
  List<OutboxRow> unpublished(int limit);

  @SqlUpdate("UPDATE outbox_events SET published_at = :publishedAt WHERE id IN (<ids>)")
  int markPublished(@BindList("ids") List<Long> ids, Instant publishedAt);

  @SqlQuery("SELECT count(*) FROM outbox_events WHERE published_at IS NULL")
  long backlog();

  /** Creation time of the first unpublished row, the one the relay is waiting on. */
  @SqlQuery(
      """
      SELECT created_at FROM outbox_events
      WHERE published_at IS NULL
      ORDER BY id
      LIMIT 1
      """)
  Optional<Instant> oldestUnpublishedCreatedAt();

  /** Deletes up to {@code limit} rows published before {@code cutoff}. */
  @SqlUpdate(
      """
      DELETE FROM outbox_events
      WHERE id IN (
        SELECT id FROM outbox_events WHERE published_at < :cutoff LIMIT :limit)
      """)
  int deletePublishedBefore(Instant cutoff, int limit);
}
