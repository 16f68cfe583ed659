package dev.stockroom.platform.consumer;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Unhealthy when the loop is not running, or its handler has kept failing (the partition is stuck
 * on one record) for longer than {@code unhealthyAfterFailingFor}. Reports the lag either way.
 */
public class KafkaConsumerLoopHealthCheck extends HealthCheck {
  private final KafkaConsumerLoop loop;
  private final Duration unhealthyAfterFailingFor;
  private final Clock clock;

  public KafkaConsumerLoopHealthCheck(
      KafkaConsumerLoop loop, Duration unhealthyAfterFailingFor, Clock clock) {
    this.loop = loop;
    this.unhealthyAfterFailingFor = unhealthyAfterFailingFor;
    this.clock = clock;
  }

  @Override
  protected Result check() {
    if (!loop.isRunning()) {
      Throwable crash = loop.crash();
      return crash == null
          ? Result.unhealthy("consumer %s is not running", loop.groupId())
          : Result.unhealthy("consumer %s stopped: %s", loop.groupId(), crash);
    }
    Instant failingSince = loop.failingSince();
    if (failingSince != null) {
      Duration failingFor = Duration.between(failingSince, clock.instant());
      if (failingFor.compareTo(unhealthyAfterFailingFor) > 0) {
        return Result.unhealthy(
            "consumer %s has been failing to handle a record for %d s; lag %d",
            loop.groupId(), failingFor.toSeconds(), loop.lag());
      }
    }
    return Result.healthy("consumer %s lag %d", loop.groupId(), loop.lag());
  }
}
