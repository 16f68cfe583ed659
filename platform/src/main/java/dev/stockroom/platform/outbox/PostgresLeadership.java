package dev.stockroom.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One active relay per PostgreSQL database: the lead is a session-level advisory lock held on a
 * dedicated connection for as long as the relay is active, so it is released by the server the
 * moment that session dies. The same connection LISTENs on {@link Outbox#CHANNEL}, which wakes the
 * leader when an appending transaction commits and a standby when the leader lets go.
 */
final class PostgresLeadership implements RelayLeadership {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresLeadership.class);

  /** The advisory lock key: ASCII "STOCKOUT". One outbox per database, so one fixed key. */
  static final long LOCK_KEY = 0x53544f434b4f5554L;

  /** How often a wait checks the in-process signal and the stop flag between notifications. */
  private static final int SLICE_MILLIS = 100;

  private final Handle handle;
  private final Connection connection;
  private final PGConnection pg;
  private final Wakeup wakeup;
  private final BooleanSupplier running;
  private boolean leader;

  PostgresLeadership(Handle handle, Wakeup wakeup, BooleanSupplier running) throws SQLException {
    this.handle = handle;
    this.connection = handle.getConnection();
    this.pg = connection.unwrap(PGConnection.class);
    this.wakeup = wakeup;
    this.running = running;
    // LISTEN and the lock must take effect at once, not at the end of a transaction.
    connection.setAutoCommit(true);
    execute("LISTEN " + Outbox.CHANNEL);
  }

  @Override
  public boolean acquire() throws SQLException {
    if (leader) {
      if (!connection.isValid(5)) {
        leader = false;
        throw new SQLException("lost the connection that holds the outbox relay lock");
      }
      return true;
    }
    try (Statement statement = connection.createStatement();
        var result = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
      result.next();
      leader = result.getBoolean(1);
    }
    return leader;
  }

  @Override
  public void await(Duration timeout) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (running.getAsBoolean()) {
      long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
      if (remainingMillis <= 0) {
        return;
      }
      // getNotifications(0) would block forever: always pass a positive timeout.
      PGNotification[] notifications =
          pg.getNotifications((int) Math.max(1, Math.min(SLICE_MILLIS, remainingMillis)));
      if (notifications != null && notifications.length > 0) {
        wakeup.consume();
        return;
      }
      if (wakeup.consume()) {
        return;
      }
    }
  }

  @Override
  public void close() {
    try {
      if (leader) {
        // The connection goes back to the pool: it must not keep the lock or the LISTEN.
        execute("SELECT pg_advisory_unlock_all()");
        leader = false;
        // Wakes the standbys now instead of at their next lock retry.
        execute("NOTIFY " + Outbox.CHANNEL);
      }
      execute("UNLISTEN *");
    } catch (SQLException e) {
      LOG.debug("Could not clean up the outbox relay connection; it is probably gone", e);
    } finally {
      handle.close();
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
