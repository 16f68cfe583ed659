package dev.stockroom.platform.kafka;

import java.time.Duration;

/** Exponential backoff: doubles from {@code initial} up to {@code max}; not thread-safe. */
public final class Backoff {
  private final Duration initial;
  private final Duration max;
  private Duration next;
  private int failures;

  public Backoff(Duration initial, Duration max) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + ", " + max);
    }
    this.initial = initial;
    this.max = max;
    this.next = initial;
  }

  /** Records a failure and returns how long to wait before the next attempt. */
  public Duration nextDelay() {
    Duration delay = next;
    failures++;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return delay;
  }

  /** Consecutive failures since the last {@link #reset()}. */
  public int failures() {
    return failures;
  }

  public void reset() {
    next = initial;
    failures = 0;
  }
}
