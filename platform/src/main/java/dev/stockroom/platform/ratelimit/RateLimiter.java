package dev.stockroom.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stockroom.platform.errors.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Objects;

/**
 * Token-bucket rate limiting per key (an account, a client address): each key may make {@code
 * capacity} requests, refilled greedily at {@code capacity} per {@code refillPeriod}.
 *
 * <p>Memory is bounded: buckets live in a cache of at most {@code maxKeys} entries, and a bucket
 * untouched for a whole refill period is dropped — it would be full again by then, so forgetting it
 * changes nothing. Under a flood of distinct keys the least recently used buckets are evicted,
 * which can only make the limiter more lenient for those keys, never block a legitimate one.
 */
public class RateLimiter {
  private final long capacity;
  private final Duration refillPeriod;
  private final Cache<String, Bucket> buckets;

  public RateLimiter(long capacity, Duration refillPeriod, long maxKeys) {
    if (capacity < 1 || maxKeys < 1) {
      throw new IllegalArgumentException("capacity and maxKeys must be positive");
    }
    if (refillPeriod.isZero() || refillPeriod.isNegative()) {
      throw new IllegalArgumentException("refillPeriod must be positive");
    }
    this.capacity = capacity;
    this.refillPeriod = refillPeriod;
    this.buckets =
        Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(refillPeriod).build();
  }

  /** Takes one token for {@code key} and reports the outcome; never throws for a refusal. */
  public Quota tryConsume(String key) {
    Objects.requireNonNull(key, "key");
    Bucket bucket = buckets.get(key, ignored -> newBucket());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return new Quota(
        probe.isConsumed(),
        capacity,
        probe.getRemainingTokens(),
        Duration.ofNanos(probe.getNanosToWaitForReset()),
        Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /**
   * Takes one token for {@code key}, or throws a 429 problem carrying {@code Retry-After} and the
   * {@code RateLimit-*} headers.
   */
  public void consume(String key) {
    Quota quota = tryConsume(key);
    if (!quota.allowed()) {
      TooManyRequestsException refused =
          new TooManyRequestsException(
              "Too many requests; try again in "
                  + TooManyRequestsException.retryAfterSeconds(quota.retryAfter())
                  + " seconds.",
              quota.retryAfter());
      quota.headers().forEach(refused::withHeader);
      throw refused;
    }
  }

  /** How many keys currently have a bucket (at most {@code maxKeys}). */
  public long trackedKeys() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder().capacity(capacity).refillGreedy(capacity, refillPeriod).build())
        .build();
  }
}
