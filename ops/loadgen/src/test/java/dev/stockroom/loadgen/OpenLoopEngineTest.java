package dev.stockroom.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenLoopEngineTest {
  private static final long MS = 1_000_000L;

  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
  private final ExecutorService server = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    timer.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void aStalledResponseMakesLaterIntendedStartLatenciesGrow() throws Exception {
    // One operation in flight at a time, 100/s for 1 s; the operation due at 200 ms takes 300 ms.
    // The ~30 operations due during the stall are sent late: measured from their intended start
    // they show the wait (300, 290, ... ms); measured from the send they would all look fast.
    long start = System.nanoTime() + 20 * MS;
    Metrics metrics = new Metrics(start);
    List<Long> fromSend = new CopyOnWriteArrayList<>();
    AtomicBoolean stalled = new AtomicBoolean();
    Workload workload =
        intended -> {
          long sent = System.nanoTime();
          boolean stall = intended - start >= 200 * MS && stalled.compareAndSet(false, true);
          return after(stall ? 300 : 1)
              .thenRun(
                  () -> {
                    long end = System.nanoTime();
                    metrics.record("op", true, RateSchedule.latencyMicros(intended, end), null);
                    fromSend.add((end - sent) / 1000);
                  });
        };

    EngineResult result =
        new OpenLoopEngine(new RateSchedule(start, 100), start + 1_000 * MS, 1, metrics)
            .run(workload);
    awaitQuiet(metrics);

    Histogram h = metrics.collect().get("op");
    assertThat(result.started()).isEqualTo(100);
    assertThat(result.notSent()).isZero();
    assertThat(h.getTotalCount()).isEqualTo(100);
    long slowFromIntended = countAbove(h, 100_000);
    long slowFromSend = fromSend.stream().filter(us -> us > 100_000).count();
    // A busy machine can slow a few sends too; those count on both sides, the stall only on one.
    assertThat(slowFromSend).isGreaterThanOrEqualTo(1);
    assertThat(slowFromIntended - slowFromSend).isGreaterThanOrEqualTo(10);
    assertThat(h.getValueAtPercentile(90)).isGreaterThan(100_000);
    assertThat(h.getMaxValue()).isGreaterThanOrEqualTo(290_000);
  }

  @Test
  void keepsSendingOnScheduleWhileAResponseStalls() throws Exception {
    // A server that answers one request at a time stalls for 300 ms; the engine does not wait
    // for it, so the operations due during the stall are sent during the stall (not after it),
    // and the latency of those queued behind it grows.
    long start = System.nanoTime() + 20 * MS;
    Metrics metrics = new Metrics(start);
    Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    AtomicLong stallStart = new AtomicLong();
    AtomicLong stallEnd = new AtomicLong();
    Workload workload =
        intended -> {
          sentAt.put(intended, System.nanoTime());
          boolean stall = intended - start >= 200 * MS && stallStart.compareAndSet(0, intended);
          return CompletableFuture.runAsync(
              () -> {
                sleep(stall ? 300 : 1);
                if (stall) {
                  stallEnd.set(System.nanoTime());
                }
                metrics.record(
                    "op", true, RateSchedule.latencyMicros(intended, System.nanoTime()), null);
              },
              server);
        };

    new OpenLoopEngine(new RateSchedule(start, 100), start + 800 * MS, 1000, metrics).run(workload);
    awaitQuiet(metrics);

    assertThat(sentAt).hasSize(80);
    List<Long> dueDuringStall =
        sentAt.keySet().stream()
            .filter(t -> t > stallStart.get() && t < stallEnd.get() - 50 * MS)
            .toList();
    assertThat(dueDuringStall).hasSizeGreaterThan(10);
    long sentBeforeStallEnded =
        dueDuringStall.stream().filter(t -> sentAt.get(t) < stallEnd.get()).count();
    assertThat(sentBeforeStallEnded).isGreaterThanOrEqualTo(dueDuringStall.size() * 8L / 10);
    Histogram h = metrics.collect().get("op");
    assertThat(countAbove(h, 100_000)).isGreaterThanOrEqualTo(10);
  }

  @Test
  void countsOperationsNeverSentWhenTheInFlightLimitStaysFull() {
    long start = System.nanoTime() + 10 * MS;
    Metrics metrics = new Metrics(start);
    CompletableFuture<Void> never = new CompletableFuture<>();
    AtomicInteger calls = new AtomicInteger();

    EngineResult result =
        new OpenLoopEngine(new RateSchedule(start, 50), start + 400 * MS, 2, metrics)
            .run(
                intended -> {
                  calls.incrementAndGet();
                  return never;
                });

    assertThat(calls).hasValue(2);
    assertThat(result.started()).isEqualTo(2);
    assertThat(result.notSent()).isEqualTo(18);
    assertThat(metrics.inFlight()).hasValue(2);
    never.complete(null);
    assertThat(metrics.inFlight()).hasValue(0);
  }

  @Test
  void countsAWorkloadThatThrowsAsAFailureAndGoesOn() {
    long start = System.nanoTime() + 10 * MS;
    Metrics metrics = new Metrics(start);

    EngineResult result =
        new OpenLoopEngine(new RateSchedule(start, 100), start + 100 * MS, 10, metrics)
            .run(
                intended -> {
                  throw new IllegalStateException("bug");
                });

    assertThat(result.started()).isEqualTo(10);
    assertThat(metrics.errorsByKind()).containsEntry(Engines.WORKLOAD_FAILURE, 10L);
    assertThat(metrics.inFlight()).hasValue(0);
  }

  private CompletableFuture<Void> after(long millis) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    timer.schedule(() -> f.complete(null), millis, TimeUnit.MILLISECONDS);
    return f;
  }

  static void awaitQuiet(Metrics metrics) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (metrics.inFlight().get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(metrics.inFlight()).hasValue(0);
  }

  private static long countAbove(Histogram h, long micros) {
    return h.getTotalCount() - h.getCountBetweenValues(0, micros);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
