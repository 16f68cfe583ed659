package dev.stockroom.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClosedLoopEngineTest {
  private static final long MS = 1_000_000L;

  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
  private final ExecutorService loop = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    timer.shutdownNow();
    loop.shutdownNow();
  }

  @Test
  void keepsExactlyNWorkersBusyAndCountsEveryOperation() throws Exception {
    int workers = 4;
    long start = System.nanoTime() + 20 * MS;
    long end = start + 600 * MS;
    Metrics metrics = new Metrics(start);
    AtomicInteger current = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    List<Long> starts = new CopyOnWriteArrayList<>();
    Workload tenMillis =
        intended -> {
          starts.add(intended);
          peak.accumulateAndGet(current.incrementAndGet(), Math::max);
          CompletableFuture<Void> f = new CompletableFuture<>();
          timer.schedule(
              () -> {
                current.decrementAndGet();
                metrics.record(
                    "op", true, RateSchedule.latencyMicros(intended, System.nanoTime()), null);
                f.complete(null);
              },
              10,
              TimeUnit.MILLISECONDS);
          return f;
        };

    EngineResult result = new ClosedLoopEngine(workers, start, end, metrics, loop).run(tenMillis);
    OpenLoopEngineTest.awaitQuiet(metrics);

    assertThat(peak.get()).isEqualTo(workers);
    assertThat(result.notSent()).isZero();
    // 4 workers x 600 ms / ~10-12 ms each; a loaded machine makes each round trip slower.
    assertThat((long) starts.size()).isBetween(80L, 4L * 60 + workers);
    assertThat(result.started()).isBetween(starts.size() - (long) workers, (long) starts.size());
    assertThat(metrics.completedOperations()).isEqualTo(starts.size());
    assertThat(metrics.collect().get("op").getTotalCount()).isEqualTo(starts.size());
    assertThat(starts).allMatch(t -> t - start >= 0 && t - end < 0);
  }

  @Test
  void startsNothingAfterTheEndAndLetsTheLastOperationsFinish() throws Exception {
    long start = System.nanoTime() + 10 * MS;
    long end = start + 300 * MS;
    Metrics metrics = new Metrics(start);
    List<Long> starts = new CopyOnWriteArrayList<>();
    Workload outlastsTheRun =
        intended -> {
          starts.add(intended);
          CompletableFuture<Void> f = new CompletableFuture<>();
          timer.schedule(() -> f.complete(null), 400, TimeUnit.MILLISECONDS);
          return f;
        };

    new ClosedLoopEngine(3, start, end, metrics, loop).run(outlastsTheRun);
    int inFlightAtTheEnd = metrics.inFlight().get();
    OpenLoopEngineTest.awaitQuiet(metrics);

    // Each operation outlasts the run, so each worker started one; none after the end, and the
    // ones in flight at the end still finished and were counted.
    assertThat(starts).hasSizeBetween(1, 3).allMatch(t -> t - end < 0);
    assertThat(inFlightAtTheEnd).isEqualTo(starts.size());
    assertThat(metrics.completedOperations()).isEqualTo(starts.size());
  }

  @Test
  void doesNotMeasureTheWarmUp() throws Exception {
    long start = System.nanoTime() + 10 * MS;
    Metrics metrics = new Metrics(start + 100 * MS);
    Workload quick =
        intended -> {
          metrics.record("op", metrics.measured(intended), 5, null);
          CompletableFuture<Void> f = new CompletableFuture<>();
          timer.schedule(() -> f.complete(null), 5, TimeUnit.MILLISECONDS);
          return f;
        };

    EngineResult result =
        new ClosedLoopEngine(1, start, start + 200 * MS, metrics, loop).run(quick);
    OpenLoopEngineTest.awaitQuiet(metrics);

    long measured = metrics.collect().get("op").getTotalCount();
    assertThat(measured).isPositive().isLessThan(result.started());
    assertThat(metrics.completedMeasuredOperations()).isEqualTo(measured);
  }
}
