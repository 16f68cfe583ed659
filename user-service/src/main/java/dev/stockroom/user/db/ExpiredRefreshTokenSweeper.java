package dev.stockroom.user.db;

import dev.stockroom.platform.db.SqlObjects;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes refresh tokens that expired more than {@code keep} ago, so the table holds live sessions
 * and not every log-in ever. Run periodically; a failure is logged and retried next time.
 */
public final class ExpiredRefreshTokenSweeper implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ExpiredRefreshTokenSweeper.class);

  private final RefreshTokenDao dao;
  private final Duration keep;
  private final Clock clock;

  public ExpiredRefreshTokenSweeper(Jdbi jdbi, Duration keep, Clock clock) {
    SqlObjects.prepare(jdbi, RefreshTokenDao.class);
    this.dao = jdbi.onDemand(RefreshTokenDao.class);
    this.keep = keep;
    this.clock = clock;
  }

  @Override
  public void run() {
    try {
      int deleted = dao.deleteExpiredBefore(clock.instant().minus(keep));
      if (deleted > 0) {
        LOG.info("Deleted {} expired refresh tokens", deleted);
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not delete expired refresh tokens: {}", e.toString());
    }
  }
}
