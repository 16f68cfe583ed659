package dev.stockroom.loadgen;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One line every few seconds while a run goes: elapsed time and phase, scenario operations
 * completed per second over the last interval, errors so far, operations in flight, and the p99 so
 * far of each operation measured.
 */
final class Progress implements AutoCloseable {
  static final Duration INTERVAL = Duration.ofSeconds(5);

  private final Metrics metrics;
  private final long startNanos;
  private final long measureFromNanos;
  private final long endNanos;
  private final PrintStream out;
  private final ScheduledExecutorService timer;
  private long lastCompleted;
  private long lastNanos;

  private Progress(
      Metrics metrics, long startNanos, long measureFromNanos, long endNanos, PrintStream out) {
    this.metrics = metrics;
    this.startNanos = startNanos;
    this.measureFromNanos = measureFromNanos;
    this.endNanos = endNanos;
    this.out = out;
    this.lastNanos = startNanos;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "loadgen-progress");
              t.setDaemon(true);
              return t;
            });
  }

  static Progress start(
      Metrics metrics, long startNanos, long measureFromNanos, long endNanos, PrintStream out) {
    Progress p = new Progress(metrics, startNanos, measureFromNanos, endNanos, out);
    long first = Math.max(0, startNanos - System.nanoTime()) + INTERVAL.toNanos();
    p.timer.scheduleAtFixedRate(p::print, first, INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
    return p;
  }

  private void print() {
    try {
      out.println(line(System.nanoTime()));
    } catch (RuntimeException e) {
      // A progress line is never worth ending the run for.
    }
  }

  String line(long now) {
    long completed = metrics.completedOperations();
    double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
    double rate = (completed - lastCompleted) / seconds;
    lastCompleted = completed;
    lastNanos = now;
    String phase =
        now - measureFromNanos < 0 ? "warm-up" : now - endNanos < 0 ? "measuring" : "draining";
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "[%4ds] %-9s %8.1f ops/s  errors %d  in flight %d",
                Math.round((now - startNanos) / 1e9),
                phase,
                rate,
                metrics.totalErrors(),
                metrics.inFlight().get()));
    Map<String, Histogram> totals = metrics.collect();
    if (!totals.isEmpty()) {
      s.append("  p99 ms:");
      totals.forEach(
          (op, h) -> {
            if (h.getTotalCount() > 0) {
              s.append(
                  String.format(Locale.ROOT, " %s %.1f", op, h.getValueAtPercentile(99) / 1000.0));
            }
          });
    }
    return s.toString();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
