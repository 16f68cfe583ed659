package dev.stockroom.loadgen;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The measurements of one run. Any thread records (HdrHistogram {@link Recorder}s are wait-free for
 * writers); one reader at a time folds the recorded intervals into cumulative histograms with
 * {@link #collect()}. Latencies are microseconds with 3 significant digits. Operations that started
 * during the warm-up are run but not recorded: callers pass {@code measured = false} for them.
 */
public final class Metrics {
  static final int SIGNIFICANT_DIGITS = 3;

  private final long measureFromNanos;
  private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();
  private final Map<String, Histogram> totals = new LinkedHashMap<>();
  private final Map<String, LongAdder> errorsByOperation = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errorsByKind = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final LongAdder completed = new LongAdder();
  private final LongAdder completedMeasured = new LongAdder();

  /**
   * @param measureFromNanos operations due before this (the warm-up) are not recorded
   */
  public Metrics(long measureFromNanos) {
    this.measureFromNanos = measureFromNanos;
  }

  /**
   * Whether a scenario operation due at {@code intendedStartNanos} counts (is past the warm-up).
   */
  public boolean measured(long intendedStartNanos) {
    return intendedStartNanos - measureFromNanos >= 0;
  }

  /**
   * One request or step: {@code errorKind} is null for a success, else {@code http_<status>} or a
   * transport kind. Failed requests are recorded too: a timeout that took 10 s is a 10 s latency.
   */
  public void record(String operation, boolean measured, long latencyMicros, String errorKind) {
    if (!measured) {
      return;
    }
    recorders
        .computeIfAbsent(operation, k -> new Recorder(SIGNIFICANT_DIGITS))
        .recordValue(Math.max(0, latencyMicros));
    if (errorKind != null) {
      errorsByOperation.computeIfAbsent(operation, k -> new LongAdder()).increment();
      errorsByKind.computeIfAbsent(errorKind, k -> new LongAdder()).increment();
    }
  }

  /** An operation that failed without a latency to record, such as an order never finished. */
  public void error(String operation, boolean measured, String errorKind) {
    if (measured) {
      errorsByOperation.computeIfAbsent(operation, k -> new LongAdder()).increment();
      errorsByKind.computeIfAbsent(errorKind, k -> new LongAdder()).increment();
    }
  }

  /** An error that belongs to no single request, such as operations the schedule never sent. */
  public void runError(String kind, long count) {
    if (count > 0) {
      errorsByKind.computeIfAbsent(kind, k -> new LongAdder()).add(count);
    }
  }

  /** Scenario operations started and not finished; engines keep it. */
  public AtomicInteger inFlight() {
    return inFlight;
  }

  /** Called by the engines when a scenario operation ends, whether it is measured or not. */
  public void operationCompleted(long intendedStartNanos) {
    boolean measured = measured(intendedStartNanos);
    completed.increment();
    if (measured) {
      completedMeasured.increment();
    }
  }

  public long completedOperations() {
    return completed.sum();
  }

  public long completedMeasuredOperations() {
    return completedMeasured.sum();
  }

  /**
   * Folds what was recorded since the last call in, and returns copies of the cumulative totals.
   */
  public synchronized Map<String, Histogram> collect() {
    for (Map.Entry<String, Recorder> e : recorders.entrySet()) {
      Histogram interval = e.getValue().getIntervalHistogram();
      totals
          .computeIfAbsent(
              e.getKey(),
              k -> {
                Histogram h = new Histogram(SIGNIFICANT_DIGITS);
                h.setAutoResize(true);
                return h;
              })
          .add(interval);
    }
    Map<String, Histogram> copy = new LinkedHashMap<>();
    for (String op : Operations.ALL) {
      Histogram h = totals.get(op);
      if (h != null) {
        copy.put(op, h.copy());
      }
    }
    totals.forEach((op, h) -> copy.putIfAbsent(op, h.copy()));
    return copy;
  }

  public Map<String, Long> errorsByOperation() {
    return snapshot(errorsByOperation);
  }

  public Map<String, Long> errorsByKind() {
    return snapshot(errorsByKind);
  }

  public long totalErrors() {
    return errorsByKind.values().stream().mapToLong(LongAdder::sum).sum();
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
