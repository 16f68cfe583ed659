package dev.stockroom.loadgen;

/**
 * The fixed schedule of an open-loop run: operation {@code i} is due at {@code start + i / rate}
 * seconds, whatever happened to the operations before it. Each time is computed from {@code i}
 * rather than by adding an interval again and again, so rounding never drifts.
 */
public record RateSchedule(long startNanos, int ratePerSecond) {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  public RateSchedule {
    if (ratePerSecond < 1) {
      throw new IllegalArgumentException("rate must be at least 1");
    }
  }

  /** When operation {@code i} (from 0) should start. */
  public long intendedStart(long i) {
    return startNanos + i * NANOS_PER_SECOND / ratePerSecond;
  }

  /** How many operations are due strictly before {@code endNanos}. */
  public long countBefore(long endNanos) {
    long span = endNanos - startNanos;
    if (span <= 0) {
      return 0;
    }
    // i is due before the end when i * 1e9 / rate < span, i.e. i < span * rate / 1e9.
    return (span * ratePerSecond + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
  }

  /**
   * The latency of an operation that was due at {@code intendedStartNanos} and finished at {@code
   * endNanos}, in microseconds. Measuring from the due time rather than from when the request was
   * actually sent is the coordinated-omission correction: time spent waiting behind a stalled
   * server or a full in-flight limit counts against the system, as it would for a real user.
   */
  public static long latencyMicros(long intendedStartNanos, long endNanos) {
    return Math.max(0, endNanos - intendedStartNanos) / 1000;
  }
}
