package dev.stockroom.loadgen;

import dev.stockroom.client.Endpoints;
import dev.stockroom.client.StockroomClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/**
 * A load run from start to report: setup, the open- or closed-loop engine over the scenario's
 * workload, the drain of operations still in flight, the end-of-run check, and the report
 * directory. {@link #run(LoadOptions, PrintStream)} is the whole of it, for the command line and
 * for tests that run it in-process.
 */
public final class LoadGenerator {
  /** The first operation is scheduled this long after setup, so the schedule starts on time. */
  static final Duration START_DELAY = Duration.ofMillis(100);

  /** Past this, access tokens (15 minutes) would expire during the run: refresh them. */
  static final Duration REFRESH_SESSIONS_AFTER = Duration.ofMinutes(9);

  /** Operations due but never sent (the in-flight limit stayed full to the end). */
  static final String NOT_SENT = "not_sent";

  private final LoadOptions options;
  private final StockroomClient client;
  private final PrintStream out;

  private LoadGenerator(LoadOptions options, StockroomClient client, PrintStream out) {
    this.options = options;
    this.client = client;
    this.out = out;
  }

  /** {@link #run(LoadOptions, PrintStream)} printing to standard output. */
  public static LoadReport run(LoadOptions options) {
    return run(options, System.out);
  }

  /**
   * Runs the load described by {@code options} against the stack on {@code options.host()},
   * printing setup steps, a progress line every 5 s and the summary to {@code out}, and writes the
   * report to {@code options.reportDir()}.
   *
   * @return the report; {@link LoadReport#ok()} is the verdict, {@link LoadReport#exitCode()} the
   *     process exit code
   * @throws LoadgenException when setup fails (the stack is down, the admin cannot log in, ...)
   */
  public static LoadReport run(LoadOptions options, PrintStream out) {
    Endpoints endpoints =
        Endpoints.of(
            options.host(),
            options.usersPort(),
            options.productsPort(),
            options.ordersPort(),
            options.streamPort());
    try (StockroomClient client = new StockroomClient(endpoints, options.requestTimeout())) {
      return new LoadGenerator(options, client, out).execute();
    }
  }

  private LoadReport execute() {
    out.println("loadgen: " + options);
    OrderLedger ledger = new OrderLedger();
    Fixture fixture = new Setup(client, options, ledger, out).run();
    try (Sessions accounts = fixture.accounts()) {
      Duration planned = options.warmup().plus(options.duration()).plus(options.terminalTimeout());
      if (planned.compareTo(REFRESH_SESSIONS_AFTER) > 0) {
        accounts.refreshPeriodically();
      }
      return load(fixture, ledger);
    }
  }

  private LoadReport load(Fixture fixture, OrderLedger ledger) {
    long start = System.nanoTime() + START_DELAY.toNanos();
    long measureFrom = start + options.warmup().toNanos();
    long end = measureFrom + options.duration().toNanos();
    Metrics metrics = new Metrics(measureFrom);
    Workload workload = workload(fixture, ledger, metrics);
    out.printf(
        "run: %s, %s for %ds%s%n",
        options.scenario().label(),
        options.openLoop()
            ? "open loop at " + options.rate() + " operations/s"
            : "closed loop with " + options.concurrency() + " workers",
        options.duration().toSeconds(),
        options.warmup().isZero()
            ? ""
            : " after "
                + options.warmup().toSeconds()
                + "s warm-up"
                + (options.ramp().isZero()
                    ? ""
                    : " (the rate rising from 0 over its first "
                        + options.ramp().toSeconds()
                        + "s)"));

    EngineResult result;
    ExecutorService loop =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "loadgen-closed-loop");
              t.setDaemon(true);
              return t;
            });
    Progress progress = Progress.start(metrics, start, measureFrom, end, out);
    try {
      result =
          options.openLoop()
              ? new OpenLoopEngine(
                      new RateSchedule(start, options.rate(), options.ramp().toNanos()),
                      end,
                      options.maxInFlight(),
                      metrics)
                  .run(workload)
              : new ClosedLoopEngine(options.concurrency(), start, end, metrics, loop)
                  .run(workload);
      drain(metrics);
    } finally {
      progress.close();
      loop.shutdown();
    }
    metrics.runError(NOT_SENT, result.notSent());
    if (result.notSent() > 0) {
      out.printf(
          "run: %d operations were due but never sent: %d were in flight all the time"
              + " (--max-in-flight)%n",
          result.notSent(), options.maxInFlight());
    }

    EndOfRunCheck.Result check =
        options.scenario().placesOrders()
            ? new EndOfRunCheck(client, fixture, ledger, out).run()
            : null;
    LoadReport report = report(metrics, check);
    ReportWriter.write(options.reportDir(), report, metrics.collect());
    out.println();
    out.print(ReportWriter.markdown(report));
    out.println();
    out.println("report: " + options.reportDir().toAbsolutePath().normalize());
    return report;
  }

  private Workload workload(Fixture fixture, OrderLedger ledger, Metrics metrics) {
    BrowseWorkload browse = new BrowseWorkload(client, fixture.products(), metrics);
    return switch (options.scenario()) {
      case BROWSE -> browse;
      case ORDER -> new OrderWorkload(client, fixture, ledger, metrics, options);
      case MIXED -> {
        OrderWorkload order = new OrderWorkload(client, fixture, ledger, metrics, options);
        // Eight browse operations for every two orders, drawn independently each time.
        yield t -> ThreadLocalRandom.current().nextInt(10) < 8 ? browse.start(t) : order.start(t);
      }
    };
  }

  /**
   * Waits for the operations still in flight. An order may take its terminal timeout from its
   * intended start, plus the request it has out at that moment (a long poll included).
   */
  private void drain(Metrics metrics) {
    Duration max =
        options
            .terminalTimeout()
            .plus(options.requestTimeout())
            .plus(OrderWorkload.POLL_WAIT)
            .plusSeconds(1);
    long deadline = System.nanoTime() + max.toNanos();
    while (metrics.inFlight().get() > 0 && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (metrics.inFlight().get() > 0) {
      out.printf(
          "run: %d operations still in flight after %ds; reported as they stand%n",
          metrics.inFlight().get(), max.toSeconds());
    }
  }

  private LoadReport report(Metrics metrics, EndOfRunCheck.Result check) {
    Map<String, Histogram> histograms = metrics.collect();
    Map<String, Long> errorsByOperation = metrics.errorsByOperation();
    double seconds = options.duration().toSeconds();
    Map<String, OperationSummary> operations = new LinkedHashMap<>();
    for (String op : Operations.ALL) {
      Histogram h = histograms.get(op);
      long errors = errorsByOperation.getOrDefault(op, 0L);
      if (h == null && errors == 0) {
        continue;
      }
      operations.put(
          op,
          OperationSummary.of(
              h != null ? h : new Histogram(Metrics.SIGNIFICANT_DIGITS), errors, seconds));
    }
    Map<String, Long> errors = new TreeMap<>(metrics.errorsByKind());
    if (check != null && check.unresolvedPlacements() > 0) {
      errors.merge(EndOfRunCheck.UNRESOLVED_PLACEMENT, check.unresolvedPlacements(), Long::sum);
    }
    LoadReport draft =
        new LoadReport(
            options.scenario().label(),
            options.mode(),
            options.rate(),
            options.concurrency(),
            options.duration().toSeconds(),
            operations,
            check == null ? 0 : check.ordersAccepted(),
            check == null ? OversellCheck.terminalCounts(List.of()) : check.ordersTerminal(),
            check == null ? 0 : check.ordersNotTerminal(),
            errors,
            check == null ? OversellReport.notApplicable() : check.oversell(),
            false);
    return withVerdict(draft);
  }

  /** The report with {@code ok} set from its own {@link LoadReport#failures()}. */
  static LoadReport withVerdict(LoadReport r) {
    return new LoadReport(
        r.scenario(),
        r.mode(),
        r.targetRate(),
        r.concurrency(),
        r.durationSeconds(),
        r.operations(),
        r.ordersAccepted(),
        r.ordersTerminal(),
        r.ordersNotTerminal(),
        r.errors(),
        r.oversell(),
        r.failures().isEmpty());
  }
}
