package dev.stockroom.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.platform.errors.TooManyRequestsException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void allowsCapacityThenRefusesWithRetryAfterAndRateLimitHeaders() {
    RateLimiter limiter = new RateLimiter(3, Duration.ofHours(1), 100);

    assertThat(limiter.tryConsume("k").remaining()).isEqualTo(2);
    limiter.consume("k");
    limiter.consume("k");

    assertThatThrownBy(() -> limiter.consume("k"))
        .isInstanceOfSatisfying(
            TooManyRequestsException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20));
              assertThat(e.headers())
                  .containsEntry("RateLimit-Limit", "3")
                  .containsEntry("RateLimit-Remaining", "0")
                  .containsKey("RateLimit-Reset");
              long retryAfter = Long.parseLong(e.headers().get("Retry-After"));
              assertThat(retryAfter).isBetween(1L, 1200L);
            });
  }

  @Test
  void keysAreIndependent() {
    RateLimiter limiter = new RateLimiter(1, Duration.ofHours(1), 100);

    limiter.consume("alice");

    assertThat(limiter.tryConsume("alice").allowed()).isFalse();
    assertThat(limiter.tryConsume("bob").allowed()).isTrue();
  }

  @Test
  void tokensComeBackAfterTheRefillPeriod() {
    RateLimiter limiter = new RateLimiter(2, Duration.ofMillis(200), 100);
    limiter.consume("k");
    limiter.consume("k");
    assertThat(limiter.tryConsume("k").allowed()).isFalse();

    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> limiter.tryConsume("k").allowed());
  }

  @Test
  void retryAfterIsAtLeastOneSecond() {
    assertThat(TooManyRequestsException.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(TooManyRequestsException.retryAfterSeconds(Duration.ofMillis(1500))).isEqualTo(2);
    assertThat(TooManyRequestsException.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
  }

  @Test
  void memoryIsBoundedByMaxKeys() {
    RateLimiter limiter = new RateLimiter(1, Duration.ofHours(1), 10);

    for (int i = 0; i < 10_000; i++) {
      limiter.tryConsume("key-" + i);
    }

    assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(10 + 1);
  }
}
