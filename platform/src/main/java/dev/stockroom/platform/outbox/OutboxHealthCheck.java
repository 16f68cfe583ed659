package dev.stockroom.platform.outbox;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;

/**
 * Unhealthy when the oldest unpublished event has waited longer than {@code unhealthyAfter}: Kafka
 * is unreachable, or no relay is running, or a row cannot be published.
 */
public class OutboxHealthCheck extends HealthCheck {
  private final OutboxMonitor monitor;
  private final Duration unhealthyAfter;

  public OutboxHealthCheck(OutboxMonitor monitor, Duration unhealthyAfter) {
    this.monitor = monitor;
    this.unhealthyAfter = unhealthyAfter;
  }

  @Override
  protected Result check() {
    Duration age = monitor.oldestUnpublishedAge();
    long backlog = monitor.backlog();
    if (age.compareTo(unhealthyAfter) > 0) {
      return Result.unhealthy(
          "oldest unpublished event is %d ms old (threshold %d ms); backlog %d",
          age.toMillis(), unhealthyAfter.toMillis(), backlog);
    }
    return Result.healthy(
        "backlog %d; oldest unpublished event %d ms old", backlog, age.toMillis());
  }
}
