package dev.stockroom.user.core;

/**
 * Limits how often something keyed (an account, a client address) may be attempted. Implemented
 * over platform's rate limiter; a fake in core tests.
 */
@FunctionalInterface
public interface Throttle {
  /** A throttle that never refuses. */
  Throttle NONE = key -> {};

  /**
   * Counts one attempt for {@code key}.
   *
   * @throws dev.stockroom.platform.errors.TooManyRequestsException when the key is over its limit
   */
  void acquire(String key);
}
