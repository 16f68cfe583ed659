package dev.stockroom.platform.outbox;

import java.sql.SQLException;
import java.time.Duration;

/** Decides whether this relay is the one that publishes, and how it waits for work. */
interface RelayLeadership extends AutoCloseable {
  /**
   * Returns whether this relay may publish now: takes the lead if it is free, or checks that it
   * still holds it.
   */
  boolean acquire() throws SQLException;

  /** Waits for a commit notification, the local signal, a stop, or {@code timeout}. */
  void await(Duration timeout) throws SQLException, InterruptedException;

  /** Gives up the lead (if held) and releases resources. Never throws. */
  @Override
  void close();
}
