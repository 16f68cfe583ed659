package dev.stockroom.platform.outbox;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Writes events to the {@code outbox_events} table inside the caller's transaction, so an event
 * exists if and only if the change that caused it was committed. The {@link OutboxRelay} publishes
 * the rows to Kafka afterwards.
 *
 * <p>Append after the aggregate's own write in the same transaction: rows are published in id
 * order, and taking the aggregate's row lock first makes id order match commit order per key.
 */
public class Outbox {
  /** The PostgreSQL channel the relays LISTEN on; a NOTIFY is delivered only at commit. */
  public static final String CHANNEL = "stockroom_outbox";

  private static final String INSERT =
      """
      INSERT INTO outbox_events
        (event_id, topic, message_key, event_type, payload, headers, created_at)
      VALUES (:eventId, :topic, :key, :type, :payload, :headers, :createdAt)
      """;

  private final Clock clock;
  private final Runnable afterCommit;
  private volatile Boolean postgres;

  /**
   * @param clock the clock for {@code created_at}
   * @param afterCommit run after the appending transaction commits, to wake the local relay
   */
  public Outbox(Clock clock, Runnable afterCommit) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.afterCommit = Objects.requireNonNull(afterCommit, "afterCommit");
  }

  /** An outbox that wakes {@code relay} after each commit. */
  public Outbox(OutboxRelay relay) {
    this(Clock.systemUTC(), relay::wakeUp);
  }

  /**
   * Appends {@code message} in the handle's current transaction.
   *
   * @throws IllegalStateException if the handle is not in a transaction: outside one the row would
   *     commit on its own, and the point of the outbox is to commit with the change
   */
  public void append(Handle handle, OutboxMessage message) {
    if (!handle.isInTransaction()) {
      throw new IllegalStateException(
          "Outbox.append must run inside the transaction that makes the change");
    }
    handle
        .createUpdate(INSERT)
        .bind("eventId", message.eventId())
        .bind("topic", message.topic())
        .bind("key", message.key())
        .bind("type", message.type())
        .bind("payload", message.payload())
        .bind("headers", HeadersJson.write(message.headers()))
        .bind("createdAt", clock.instant())
        .execute();
    if (isPostgres(handle)) {
      // Queued until commit and dropped on rollback, so other instances' relays wake exactly
      // when there is something committed to publish. Repeats in one transaction fold into one.
      handle.execute("NOTIFY " + CHANNEL);
    }
    handle.afterCommit(afterCommit);
  }

  private boolean isPostgres(Handle handle) {
    Boolean known = postgres;
    if (known == null) {
      try {
        known = "PostgreSQL".equals(handle.getConnection().getMetaData().getDatabaseProductName());
      } catch (SQLException e) {
        throw new OutboxException("Cannot tell which database the outbox is in", e);
      }
      postgres = known;
    }
    return known;
  }

  /** A database error while appending to the outbox. */
  public static final class OutboxException extends JdbiException {
    OutboxException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
