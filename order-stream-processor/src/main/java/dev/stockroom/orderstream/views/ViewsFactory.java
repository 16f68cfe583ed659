package dev.stockroom.orderstream.views;

import com.codahale.metrics.Gauge;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.orderstream.streams.ManagedStreams;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The interactive-query views from YAML (key {@code views}).
 *
 * <pre>
 * views:
 *   maxWait: 30s          # longest long poll on order status
 *   pollInterval: 100ms   # how often waited-on orders are re-read
 *   maxWaiters: 10000     # suspended long polls per instance before 429
 *   forwardTimeout: 5s    # a request forwarded to the instance owning the key
 *   retryAfter: 1s        # Retry-After of a 503 while the view is unavailable
 * </pre>
 */
public class ViewsFactory {
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration maxWait = Duration.seconds(30);

  @NotNull
  @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
  private Duration pollInterval = Duration.milliseconds(100);

  @Min(1)
  private int maxWaiters = 10_000;

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration forwardTimeout = Duration.seconds(5);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration retryAfter = Duration.seconds(1);

  /** The two views over the running streams; registers the long-poll ticker and its gauge. */
  public Views build(Environment environment, ManagedStreams streams) {
    StoreLookups lookups = new StoreLookups(streams);
    // The client's own threads would outlive the application; these are stopped with it.
    ExecutorService forwarding =
        environment
            .lifecycle()
            .executorService("view-forwarding-%d")
            .minThreads(2)
            .maxThreads(2)
            .build();
    HttpClient client =
        HttpClient.newBuilder()
            .executor(forwarding)
            .connectTimeout(forwardTimeout.toJavaDuration())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    Forwarder forwarder = new Forwarder(client, forwardTimeout.toJavaDuration());
    StockViews stock =
        new StockViews(
            lookups, forwarder, environment.getObjectMapper(), retryAfter.toJavaDuration());
    OrderStatusViews orderStatus =
        new OrderStatusViews(
            lookups,
            forwarder,
            retryAfter.toJavaDuration(),
            pollInterval.toJavaDuration(),
            maxWaiters);
    environment.lifecycle().manage(orderStatus);
    environment.metrics().register("order-status.waiting", (Gauge<Integer>) orderStatus::waiting);
    return new Views(stock, orderStatus, maxWait.toJavaDuration());
  }

  /** What the resources need. */
  public record Views(StockViews stock, OrderStatusViews orderStatus, java.time.Duration maxWait) {}

  @JsonProperty
  public Duration getMaxWait() {
    return maxWait;
  }

  @JsonProperty
  public void setMaxWait(Duration maxWait) {
    this.maxWait = maxWait;
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
  public int getMaxWaiters() {
    return maxWaiters;
  }

  @JsonProperty
  public void setMaxWaiters(int maxWaiters) {
    this.maxWaiters = maxWaiters;
  }

  @JsonProperty
  public Duration getForwardTimeout() {
    return forwardTimeout;
  }

  @JsonProperty
  public void setForwardTimeout(Duration forwardTimeout) {
    this.forwardTimeout = forwardTimeout;
  }

  @JsonProperty
  public Duration getRetryAfter() {
    return retryAfter;
  }

  @JsonProperty
  public void setRetryAfter(Duration retryAfter) {
    this.retryAfter = retryAfter;
  }
}
