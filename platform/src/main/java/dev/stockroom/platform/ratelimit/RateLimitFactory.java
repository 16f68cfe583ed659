package dev.stockroom.platform.ratelimit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A rate limit from YAML, for example under a service's {@code loginThrottle} key:
 *
 * <pre>
 * capacity: 10          # requests per key ...
 * refillPeriod: 1m      # ... per this period, refilled continuously
 * maxKeys: 100000       # keys tracked at once (bounded memory)
 * </pre>
 */
public class RateLimitFactory {
  @Min(1)
  private long capacity = 10;

  @NotNull private Duration refillPeriod = Duration.minutes(1);

  @Min(1)
  private long maxKeys = 100_000;

  public RateLimiter build() {
    return new RateLimiter(capacity, refillPeriod.toJavaDuration(), maxKeys);
  }

  @JsonProperty
  public long getCapacity() {
    return capacity;
  }

  @JsonProperty
  public void setCapacity(long capacity) {
    this.capacity = capacity;
  }

  @JsonProperty
  public Duration getRefillPeriod() {
    return refillPeriod;
  }

  @JsonProperty
  public void setRefillPeriod(Duration refillPeriod) {
    this.refillPeriod = refillPeriod;
  }

  @JsonProperty
  public long getMaxKeys() {
    return maxKeys;
  }

  @JsonProperty
  public void setMaxKeys(long maxKeys) {
    this.maxKeys = maxKeys;
  }
}
