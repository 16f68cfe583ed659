package dev.stockroom.loadgen;

/**
 * The fixed schedule of an open-loop run: operation {@code i} is due at {@code start + i / rate}
 * seconds, whatever happened to the operations before it. Each time is computed from {@code i}
 * rather than by adding an interval again and again, so rounding never drifts.
 *
 * <p>With a ramp, the rate rises evenly from 0 to {@code ratePerSecond} over the first {@code
 * rampNanos}, then stays there: by time {@code t} into the ramp {@code rate * t² / (2 * ramp)}
 * operations are due, so operation {@code i} is due at {@code sqrt(2 * ramp * i / rate)}, and the
 * ramp holds {@code rate * ramp / 2} operations in all.
 */
public record RateSchedule(long startNanos, int ratePerSecond, long rampNanos) {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  public RateSchedule {
    if (ratePerSecond < 1) {
      throw new IllegalArgumentException("rate must be at least 1");
    }
    if (rampNanos < 0) {
      throw new IllegalArgumentException("ramp must not be negative");
    }
  }

  /** A schedule at the full rate from the start. */
  public RateSchedule(long startNanos, int ratePerSecond) {
    this(startNanos, ratePerSecond, 0);
  }

  /** When operation {@code i} (from 0) should start. */
  public long intendedStart(long i) {
    if (rampNanos == 0) {
      return startNanos + i * NANOS_PER_SECOND / ratePerSecond;
    }
    double rampOps = rampOperations();
    double nanos =
        i < rampOps
            ? Math.sqrt(2.0 * rampNanos * i * NANOS_PER_SECOND / ratePerSecond)
            : rampNanos + (i - rampOps) * NANOS_PER_SECOND / ratePerSecond;
    return startNanos + Math.round(nanos);
  }

  /** How many operations are due strictly before {@code endNanos}. */
  public long countBefore(long endNanos) {
    long span = endNanos - startNanos;
    if (span <= 0) {
      return 0;
    }
    if (rampNanos == 0) {
      // i is due before the end when i * 1e9 / rate < span, i.e. i < span * rate / 1e9.
      return (span * ratePerSecond + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }
    double due =
        span <= rampNanos
            ? (double) ratePerSecond * span * span / (2.0 * rampNanos * NANOS_PER_SECOND)
            : rampOperations() + (double) ratePerSecond * (span - rampNanos) / NANOS_PER_SECOND;
    // The estimate can be one off either way in floating point; intendedStart decides.
    long count = (long) Math.ceil(due);
    while (count > 0 && intendedStart(count - 1) >= endNanos) {
      count--;
    }
    while (intendedStart(count) < endNanos) {
      count++;
    }
    return count;
  }

  private double rampOperations() {
    return (double) ratePerSecond * rampNanos / (2.0 * NANOS_PER_SECOND);
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
