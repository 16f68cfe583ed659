package dev.stockroom.order.db;

import dev.stockroom.platform.db.SqlObjects;
import java.time.Clock;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired idempotency keys in small batches. Expiry is also enforced when a key is reused,
 * so this only keeps the table small.
 */
public final class IdempotencyKeySweeper implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeySweeper.class);
  private static final int BATCH = 500;

  private final IdempotencyKeyDao keys;
  private final Clock clock;

  public IdempotencyKeySweeper(Jdbi jdbi, Clock clock) {
    SqlObjects.prepare(jdbi, IdempotencyKeyDao.class);
    this.keys = Objects.requireNonNull(jdbi, "jdbi").onDemand(IdempotencyKeyDao.class);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void run() {
    try {
      int deleted;
      do {
        deleted = keys.deleteAllExpired(clock.instant(), BATCH);
      } while (deleted == BATCH);
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again; log and try on the next tick.
      LOG.warn("Could not delete expired idempotency keys: {}", e.toString());
    }
  }
}
