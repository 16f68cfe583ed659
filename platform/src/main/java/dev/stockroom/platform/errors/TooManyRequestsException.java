package dev.stockroom.platform.errors;

import java.time.Duration;
import java.util.Objects;

/** 429: the caller exceeded a rate limit; {@code Retry-After} says when to try again. */
public class TooManyRequestsException extends ProblemException {
  private final Duration retryAfter;

  public TooManyRequestsException(String detail, Duration retryAfter) {
    super(429, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests", detail);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    withHeader("Retry-After", Long.toString(retryAfterSeconds(retryAfter)));
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /**
   * Whole seconds, rounded up and at least 1, because {@code Retry-After: 0} invites a retry storm.
   */
  public static long retryAfterSeconds(Duration retryAfter) {
    long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
