package dev.stockroom.platform.outbox;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.platform.kafka.KafkaFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * The transactional outbox from YAML (key {@code outbox}): wires the {@link OutboxRelay}, its
 * metrics and the {@code outbox} health check into a Dropwizard environment.
 */
public class OutboxFactory {
  @Min(1)
  @Max(10_000)
  private int batchSize = 100;

  @NotNull
  @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
  private Duration pollInterval = Duration.seconds(10);

  @NotNull
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  private Duration maxBackoff = Duration.seconds(30);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration unhealthyAfter = Duration.minutes(1);

  @NotNull
  @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
  private Duration lockRetryInterval = Duration.seconds(5);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration retention = Duration.days(7);

  @Min(1)
  @Max(100_000)
  private int retentionBatchSize = 500;

  @NotNull
  @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
  private Duration retentionInterval = Duration.minutes(15);

  @JsonProperty
  public int getBatchSize() {
    return batchSize;
  }

  @JsonProperty
  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  @JsonProperty
  public Duration getPollInterval() {
    return pollInterval;
  }

  @JsonProperty
  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  @JsonProperty
  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  @JsonProperty
  public void setMaxBackoff(Duration maxBackoff) {
    this.maxBackoff = maxBackoff;
  }

  @JsonProperty
  public Duration getUnhealthyAfter() {
    return unhealthyAfter;
  }

  @JsonProperty
  public void setUnhealthyAfter(Duration unhealthyAfter) {
    this.unhealthyAfter = unhealthyAfter;
  }

  @JsonProperty
  public Duration getLockRetryInterval() {
    return lockRetryInterval;
  }

  @JsonProperty
  public void setLockRetryInterval(Duration lockRetryInterval) {
    this.lockRetryInterval = lockRetryInterval;
  }

  @JsonProperty
  public Duration getRetention() {
    return retention;
  }

  @JsonProperty
  public void setRetention(Duration retention) {
    this.retention = retention;
  }

  @JsonProperty
  public int getRetentionBatchSize() {
    return retentionBatchSize;
  }

  @JsonProperty
  public void setRetentionBatchSize(int retentionBatchSize) {
    this.retentionBatchSize = retentionBatchSize;
  }

  @JsonProperty
  public Duration getRetentionInterval() {
    return retentionInterval;
  }

  @JsonProperty
  public void setRetentionInterval(Duration retentionInterval) {
    this.retentionInterval = retentionInterval;
  }

  /** The relay settings this configuration describes. */
  public OutboxRelay.Settings relaySettings() {
    return new OutboxRelay.Settings(
        batchSize,
        pollInterval.toJavaDuration(),
        maxBackoff.toJavaDuration(),
        lockRetryInterval.toJavaDuration(),
        retention.toJavaDuration(),
        retentionBatchSize,
        retentionInterval.toJavaDuration());
  }

  /** A relay (not yet started) publishing with a producer from {@code kafka}. */
  public OutboxRelay buildRelay(Jdbi jdbi, KafkaFactory kafka, MetricRegistry metrics) {
    return new OutboxRelay(
        "outbox-relay",
        jdbi,
        () -> kafka.newProducer("outbox-relay"),
        relaySettings(),
        metrics,
        Clock.systemUTC());
  }

  /**
   * Registers the relay as a {@code Managed}, the {@code outbox} health check and the gauges {@code
   * outbox.backlog}, {@code outbox.oldest-unpublished-age} (ms) and {@code outbox.active} (1 on the
   * instance that publishes), next to the relay's meters {@code outbox.published} and {@code
   * outbox.send-failures}.
   *
   * @return the outbox to append to inside the service's transactions
   */
  public Outbox build(Environment environment, Jdbi jdbi, KafkaFactory kafka) {
    MetricRegistry metrics = environment.metrics();
    OutboxRelay relay = buildRelay(jdbi, kafka, metrics);
    environment.lifecycle().manage(relay);
    OutboxMonitor monitor = new OutboxMonitor(jdbi, Clock.systemUTC());
    monitor.registerMetrics(metrics);
    metrics.gauge("outbox.active", () -> (Gauge<Integer>) () -> relay.isActive() ? 1 : 0);
    environment
        .healthChecks()
        .register("outbox", new OutboxHealthCheck(monitor, unhealthyAfter.toJavaDuration()));
    return new Outbox(relay);
  }
}
