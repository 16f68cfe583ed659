package dev.stockroom.loadgen;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts operations on a fixed schedule, whatever the system under test does: operation {@code i}
 * is due at {@code start + i / rate}. One thread keeps the schedule and only launches operations
 * (they are asynchronous), so no thread waits per request. When it falls behind (a pause of this
 * JVM, or the in-flight limit being full) it launches the overdue operations at once, still with
 * their original due times, which the workload measures from (coordinated-omission correction).
 */
public final class OpenLoopEngine {
  private final RateSchedule schedule;
  private final long endNanos;
  private final int maxInFlight;
  private final Metrics metrics;

  /**
   * @param endNanos operations due at or after this are not started
   * @param maxInFlight operations in flight at once; beyond it the schedule waits (and the wait is
   *     measured, since latency counts from the due time)
   */
  public OpenLoopEngine(RateSchedule schedule, long endNanos, int maxInFlight, Metrics metrics) {
    this.schedule = schedule;
    this.endNanos = endNanos;
    this.maxInFlight = maxInFlight;
    this.metrics = metrics;
  }

  /** Runs the schedule on the calling thread; returns when the last due operation was started. */
  public EngineResult run(Workload workload) {
    Semaphore slots = new Semaphore(maxInFlight);
    long planned = schedule.countBefore(endNanos);
    long i = 0;
    try {
      for (; i < planned; i++) {
        long due = schedule.intendedStart(i);
        sleepUntil(due);
        if (!slots.tryAcquire()) {
          long left = endNanos - System.nanoTime();
          if (left <= 0 || !slots.tryAcquire(left, TimeUnit.NANOSECONDS)) {
            break;
          }
        }
        metrics.inFlight().incrementAndGet();
        Engines.start(workload, due)
            .whenComplete(
                (r, e) -> {
                  metrics.inFlight().decrementAndGet();
                  slots.release();
                  Engines.completed(metrics, due, e);
                });
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new EngineResult(i, planned - i);
  }

  private static void sleepUntil(long deadline) throws InterruptedException {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }
}
