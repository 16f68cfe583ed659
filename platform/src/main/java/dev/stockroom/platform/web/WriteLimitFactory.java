package dev.stockroom.platform.web;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How many writes (POST, PUT, PATCH, DELETE) the API handles at once, from YAML key {@code
 * api.writeLimit}:
 *
 * <pre>
 * api:
 *   writeLimit:
 *     maxConcurrent: 12     # 0 (the default) turns the limit off
 *     maxWaiting: 256       # beyond these, a write is turned away at once
 *     maxWait: 1 second     # how long a write may wait for its turn
 *     retryAfter: 1 second  # what a turned-away client is told
 * </pre>
 *
 * <p>Where the database pool is what runs out, an unlimited service queues every write in front of
 * it, in Jetty's queue and on its threads, until the client has given up, then does the work
 * anyway. With a limit, a write that cannot start within {@code maxWait} gets a 503 {@code
 * urn:stockroom:problem:busy} with {@code Retry-After} before any filter, authentication or
 * resource runs, and the writes that do start keep their usual latency. Reads and long polls are
 * never held back. Off by default ({@code maxConcurrent: 0}): each write past the limit costs a
 * suspend and a resume, and where every process shares the same cores, as in this project's
 * benchmark, the overload is CPU and the limit does not help (ops/bench/FINDINGS.md, End to end).
 */
public class WriteLimitFactory {
  static final String TURNED_AWAY_METRIC = "stockroom.api.writes.turnedAway";
  static final String WAITING_METRIC = "stockroom.api.writes.waiting";

  @Min(0)
  private int maxConcurrent = 0;

  @Min(0)
  private int maxWaiting = 256;

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration maxWait = Duration.seconds(1);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration retryAfter = Duration.seconds(1);

  @JsonProperty
  public int getMaxConcurrent() {
    return maxConcurrent;
  }

  @JsonProperty
  public void setMaxConcurrent(int maxConcurrent) {
    this.maxConcurrent = maxConcurrent;
  }

  @JsonProperty
  public int getMaxWaiting() {
    return maxWaiting;
  }

  @JsonProperty
  public void setMaxWaiting(int maxWaiting) {
    this.maxWaiting = maxWaiting;
  }

  @JsonProperty
  public Duration getMaxWait() {
    return maxWait;
  }

  @JsonProperty
  public void setMaxWait(Duration maxWait) {
    this.maxWait = maxWait;
  }

  @JsonProperty
  public Duration getRetryAfter() {
    return retryAfter;
  }

  @JsonProperty
  public void setRetryAfter(Duration retryAfter) {
    this.retryAfter = retryAfter;
  }

  /** The handler for these settings, or nothing when the limit is off. */
  Optional<WriteLimitHandler> handler(MetricRegistry metrics) {
    if (maxConcurrent == 0) {
      return Optional.empty();
    }
    WriteLimitHandler handler =
        new WriteLimitHandler(retryAfter.toJavaDuration(), metrics.counter(TURNED_AWAY_METRIC));
    metrics.registerGauge(WAITING_METRIC, handler::getSuspendedRequestCount);
    handler.setMaxRequestCount(maxConcurrent);
    handler.setMaxSuspendedRequestCount(maxWaiting);
    handler.setMaxSuspend(maxWait.toJavaDuration());
    handler.includeMethod("POST", "PUT", "PATCH", "DELETE");
    return Optional.of(handler);
  }

  /**
   * Puts the limit in front of the application's servlets (not the admin port's), with the count of
   * writes turned away ({@value #TURNED_AWAY_METRIC}) and of writes waiting now ({@value
   * #WAITING_METRIC}) in the metrics.
   */
  public void build(Environment environment) {
    handler(environment.metrics()).ifPresent(environment.getApplicationContext()::insertHandler);
  }
}
