package dev.stockroom.platform.outbox;

import dev.stockroom.platform.tracing.TraceParent;
import dev.stockroom.platform.tracing.TraceScope;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
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
  private final BooleanSupplier localRelayLeads;
  private volatile Boolean postgres;

  /**
   * @param clock the clock for {@code created_at}
   * @param afterCommit run after the appending transaction commits, to wake the local relay
   * @param localRelayLeads whether this process's relay holds the lead, so {@code afterCommit}
   *     alone wakes the relay that publishes
   */
  public Outbox(Clock clock, Runnable afterCommit, BooleanSupplier localRelayLeads) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.afterCommit = Objects.requireNonNull(afterCommit, "afterCommit");
    this.localRelayLeads = Objects.requireNonNull(localRelayLeads, "localRelayLeads");
  }

  /** An outbox with no relay in this process (a command): it always notifies. */
  public Outbox(Clock clock, Runnable afterCommit) {
    this(clock, afterCommit, () -> false);
  }

  /** An outbox that wakes {@code relay} after each commit. */
  public Outbox(OutboxRelay relay) {
    this(Clock.systemUTC(), relay::wakeUp, relay::isActive);
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
        .bind("headers", HeadersJson.write(withTrace(message.headers())))
        .bind("createdAt", clock.instant())
        .execute();
    if (isPostgres(handle) && !localRelayLeads.getAsBoolean()) {
      // Queued until commit and dropped on rollback, so the leading relay in another instance
      // wakes exactly when there is something committed to publish. Not sent when this process
      // leads, where the in-process wake-up below is enough: PostgreSQL serializes the commits of
      // notifying transactions (pgbench ran order + line + outbox at about 4,000 tps without the
      // NOTIFY and 2,350 with it here). A relay that takes the lead later drains everything first,
      // so a row appended while the lead moves is not left waiting.
      handle.execute("NOTIFY " + CHANNEL);
    }
    handle.afterCommit(afterCommit);
  }

  /**
   * The message's headers, plus the {@code traceparent} of the work appending it (a request or a
   * consumed record, see {@link TraceScope}) unless the message brings its own: an event carries
   * the trace of what caused it.
   */
  private static Map<String, String> withTrace(Map<String, String> headers) {
    Optional<String> trace = TraceScope.currentHeader();
    if (trace.isEmpty() || headers.containsKey(TraceParent.HEADER)) {
      return headers;
    }
    Map<String, String> traced = new LinkedHashMap<>(headers);
    traced.put(TraceParent.HEADER, trace.get());
    return traced;
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
