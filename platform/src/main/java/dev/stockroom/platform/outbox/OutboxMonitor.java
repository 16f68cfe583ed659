package dev.stockroom.platform.outbox;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.stockroom.platform.db.SqlObjects;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads how far behind the outbox is: backlog size and the age of the oldest unpublished row. */
public class OutboxMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxMonitor.class);

  private final Jdbi jdbi;
  private final Clock clock;

  public OutboxMonitor(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    SqlObjects.prepare(jdbi, OutboxDao.class);
    this.clock = clock;
  }

  /** Number of unpublished rows. */
  public long backlog() {
    return jdbi.withExtension(OutboxDao.class, OutboxDao::backlog);
  }

  /** How long the oldest unpublished row has been waiting; zero when there is none. */
  public Duration oldestUnpublishedAge() {
    Optional<Instant> oldest =
        jdbi.withExtension(OutboxDao.class, OutboxDao::oldestUnpublishedCreatedAt);
    return oldest
        .map(createdAt -> Duration.between(createdAt, clock.instant()))
        .filter(age -> !age.isNegative())
        .orElse(Duration.ZERO);
  }

  /**
   * Registers the gauges {@code outbox.backlog} (rows) and {@code outbox.oldest-unpublished-age}
   * (milliseconds). Each reads the database when sampled and reports -1 when it cannot, so one
   * failing gauge does not break a whole metrics scrape.
   */
  public void registerMetrics(MetricRegistry metrics) {
    metrics.gauge("outbox.backlog", () -> guarded("backlog", this::backlog));
    metrics.gauge(
        "outbox.oldest-unpublished-age",
        () -> guarded("oldest unpublished age", () -> oldestUnpublishedAge().toMillis()));
  }

  private static Gauge<Long> guarded(String what, Gauge<Long> read) {
    return () -> {
      try {
        return read.getValue();
      } catch (RuntimeException e) {
        LOG.debug("Cannot read the outbox {}", what, e);
        return -1L;
      }
    };
  }
}
