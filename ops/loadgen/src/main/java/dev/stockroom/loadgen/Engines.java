package dev.stockroom.loadgen;

import java.util.concurrent.CompletableFuture;

/** What both engines do around each operation. */
final class Engines {
  /** A kind for the error count when a workload itself failed, which is a loadgen bug. */
  static final String WORKLOAD_FAILURE = "loadgen_failure";

  private Engines() {}

  /** Starts one operation; a workload that throws instead of failing its future is contained. */
  static CompletableFuture<?> start(Workload workload, long intendedStartNanos) {
    try {
      CompletableFuture<?> f = workload.start(intendedStartNanos);
      return f != null ? f : CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  static void completed(Metrics metrics, long intendedStartNanos, Throwable failure) {
    metrics.operationCompleted(intendedStartNanos);
    if (failure != null && metrics.measured(intendedStartNanos)) {
      metrics.runError(WORKLOAD_FAILURE, 1);
    }
  }
}
