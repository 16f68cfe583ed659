package dev.stockroom.loadgen;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed number of workers, each starting its next operation as soon as its previous one ends,
 * until the end time. No thread is held per worker: a worker is a chain of callbacks on {@code
 * executor}. Latency is measured from each operation's actual start, which is also its intended
 * start here: a closed loop offers only as much load as the system absorbs, so its numbers show
 * service time under N concurrent users, not the response time of a fixed arrival rate.
 */
public final class ClosedLoopEngine {
  private final int workers;
  private final long startNanos;
  private final long endNanos;
  private final Metrics metrics;
  private final Executor executor;

  public ClosedLoopEngine(
      int workers, long startNanos, long endNanos, Metrics metrics, Executor executor) {
    this.workers = workers;
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    this.metrics = metrics;
    this.executor = executor;
  }

  /**
   * Starts the workers at the start time and returns at the end time; operations still running then
   * finish on their own (the caller drains them through {@link Metrics#inFlight()}).
   */
  public EngineResult run(Workload workload) {
    sleepUntil(startNanos);
    LongAdder started = new LongAdder();
    for (int w = 0; w < workers; w++) {
      executor.execute(() -> next(workload, started));
    }
    sleepUntil(endNanos);
    return new EngineResult(started.sum(), 0);
  }

  private void next(Workload workload, LongAdder started) {
    long now = System.nanoTime();
    if (now - endNanos >= 0) {
      return;
    }
    started.increment();
    metrics.inFlight().incrementAndGet();
    // The async hop keeps a workload that completes synchronously from growing the stack.
    Engines.start(workload, now)
        .whenCompleteAsync(
            (r, e) -> {
              metrics.inFlight().decrementAndGet();
              Engines.completed(metrics, now, e);
              next(workload, started);
            },
            executor);
  }

  private static void sleepUntil(long deadline) {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }
}
