package dev.stockroom.platform.consumer;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Remembers which events a consumer has handled ({@code processed_events}), so a redelivered event
 * is recognised. Call it in the same transaction as the handler's effect: the mark and the effect
 * then commit or roll back together.
 */
public final class ProcessedEvents {
  private static final String INSERT =
      """
      INSERT INTO processed_events (consumer, event_id, processed_at)
      VALUES (:consumer, :eventId, :processedAt)
      ON CONFLICT DO NOTHING
      """;

  private static final String DELETE_BEFORE =
      """
      DELETE FROM processed_events
      WHERE (consumer, event_id) IN (
        SELECT consumer, event_id FROM processed_events WHERE processed_at < :cutoff LIMIT :limit)
      """;

  private ProcessedEvents() {}

  /**
   * Records that {@code consumer} handled {@code eventId}.
   *
   * @return true the first time, false when it was already recorded (skip the effect)
   */
  public static boolean markProcessed(Handle handle, String consumer, UUID eventId) {
    return handle
            .createUpdate(INSERT)
            .bind("consumer", consumer)
            .bind("eventId", eventId)
            .bind("processedAt", Instant.now())
            .execute()
        == 1;
  }

  /**
   * Records that {@code consumer} handled each of {@code eventIds}, in one round trip (a JDBC
   * batch).
   *
   * @return the ids recorded now, in the given order: not those recorded before, and an id given
   *     twice only once
   */
  public static Set<UUID> markProcessed(Handle handle, String consumer, List<UUID> eventIds) {
    if (eventIds.isEmpty()) {
      return Set.of();
    }
    Instant now = Instant.now();
    PreparedBatch batch = handle.prepareBatch(INSERT);
    for (UUID eventId : eventIds) {
      batch.bind("consumer", consumer).bind("eventId", eventId).bind("processedAt", now).add();
    }
    int[] inserted = batch.execute();
    Set<UUID> fresh = new LinkedHashSet<>();
    for (int i = 0; i < inserted.length; i++) {
      if (inserted[i] == 1) {
        fresh.add(eventIds.get(i));
      }
    }
    return fresh;
  }

  /**
   * Deletes up to {@code limit} marks older than {@code cutoff}; call it repeatedly to keep the
   * table small. Choose a cutoff well beyond how late a redelivery can arrive (the topic's
   * retention).
   *
   * @return how many marks were deleted
   */
  public static int deleteProcessedBefore(Handle handle, Instant cutoff, int limit) {
    return handle.createUpdate(DELETE_BEFORE).bind("cutoff", cutoff).bind("limit", limit).execute();
  }
}
