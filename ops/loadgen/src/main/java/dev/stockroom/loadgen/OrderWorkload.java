package dev.stockroom.loadgen;

import dev.stockroom.client.Line;
import dev.stockroom.client.Order;
import dev.stockroom.client.Session;
import dev.stockroom.client.StockroomClient;
import dev.stockroom.client.Timed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One order from placement to a terminal status, all asynchronous: POST with a fresh
 * Idempotency-Key (1..max-lines distinct random products, quantity 1..3), long-poll GETs while it
 * is PENDING, then pay with {@code tok_visa} or, for the cancel ratio, cancel; REJECTED ends it at
 * once. {@code order.post} and {@code order.terminal} count from the intended start; the later
 * steps from when they were sent, since each starts when the step before it ended. A step that
 * fails is retried (pay with the same key) until the order's terminal timeout.
 */
final class OrderWorkload implements Workload {
  /** The card the sandbox gateway approves. */
  static final String CARD = "tok_visa";

  /** Each long poll asks order-service to hold the GET at most this long. */
  static final Duration POLL_WAIT = Duration.ofSeconds(5);

  static final Duration RETRY_DELAY = Duration.ofMillis(200);

  /** An order that ran out of time before a terminal status was seen. */
  static final String NOT_TERMINAL = "not_terminal";

  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final StockroomClient client;
  private final Fixture fixture;
  private final OrderLedger ledger;
  private final Metrics metrics;
  private final int maxLines;
  private final double cancelRatio;
  private final long terminalTimeoutNanos;
  private final AtomicLong sequence = new AtomicLong();

  OrderWorkload(
      StockroomClient client,
      Fixture fixture,
      OrderLedger ledger,
      Metrics metrics,
      LoadOptions options) {
    this.client = client;
    this.fixture = fixture;
    this.ledger = ledger;
    this.metrics = metrics;
    this.maxLines = options.maxLines();
    this.cancelRatio = options.cancelRatio();
    this.terminalTimeoutNanos = options.terminalTimeout().toNanos();
  }

  @Override
  public CompletableFuture<?> start(long intendedStartNanos) {
    boolean measured = metrics.measured(intendedStartNanos);
    // Every random choice is made here, on the calling thread: ThreadLocalRandom must not travel
    // into the callbacks, which run on the HTTP client's threads.
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int customer = random.nextInt(fixture.customers());
    Session session = fixture.customer(customer);
    List<Line> lines = randomLines(random, fixture.products(), maxLines);
    boolean cancel = random.nextDouble() < cancelRatio;
    String key = "lg-" + fixture.runId() + "-" + sequence.incrementAndGet();
    return client
        .placeOrderAsync(session, key, lines)
        .thenCompose(
            t -> {
              metrics.record(
                  Operations.ORDER_POST,
                  measured,
                  RateSchedule.latencyMicros(intendedStartNanos, t.endNanos()),
                  t.errorKind());
              if (!t.ok()) {
                if (outcomeUnknown(t)) {
                  ledger.uncertain(customer, key, lines);
                }
                return DONE;
              }
              OrderLedger.Entry entry = ledger.accepted(customer, lines, t.value());
              return new Flow(entry, customer, intendedStartNanos, measured, cancel)
                  .follow(t.value());
            });
  }

  /** 1..maxLines distinct products, each with quantity 1..3. */
  static List<Line> randomLines(RandomGenerator random, List<UUID> products, int maxLines) {
    int count = 1 + random.nextInt(Math.min(maxLines, products.size()));
    List<UUID> pool = new ArrayList<>(products);
    List<Line> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // A partial Fisher-Yates shuffle: each pick is a product not picked yet.
      int j = i + random.nextInt(pool.size() - i);
      UUID picked = pool.get(j);
      pool.set(j, pool.get(i));
      pool.set(i, picked);
      lines.add(new Line(picked, 1 + random.nextInt(3)));
    }
    return lines;
  }

  /**
   * No answer, a 5xx, or a 2xx that could not be read: the order may or may not exist, so the key
   * is replayed at the end to find out. A 4xx stores nothing (order-service's rule).
   */
  static boolean outcomeUnknown(Timed<?> t) {
    int status = t.status();
    return status == 0 || status >= 500 || (status >= 200 && status < 300);
  }

  /** The steps after the POST, for one accepted order. */
  private final class Flow {
    private final OrderLedger.Entry entry;
    private final Session session;
    private final long intendedStartNanos;
    private final long deadlineNanos;
    private final boolean measured;
    private final boolean cancel;

    Flow(
        OrderLedger.Entry entry,
        int customer,
        long intendedStartNanos,
        boolean measured,
        boolean cancel) {
      this.entry = entry;
      this.session = fixture.customer(customer);
      this.intendedStartNanos = intendedStartNanos;
      this.deadlineNanos = intendedStartNanos + terminalTimeoutNanos;
      this.measured = measured;
      this.cancel = cancel;
    }

    CompletableFuture<Void> follow(Order order) {
      long now = System.nanoTime();
      boolean inTime = now - deadlineNanos <= 0;
      ledger.observe(entry, order.status(), inTime);
      if (order.isTerminal() && inTime) {
        metrics.record(
            Operations.ORDER_TERMINAL,
            measured,
            RateSchedule.latencyMicros(intendedStartNanos, now),
            null);
        return DONE;
      }
      if (!inTime) {
        metrics.error(Operations.ORDER_TERMINAL, measured, NOT_TERMINAL);
        return DONE;
      }
      if ("CONFIRMED".equals(order.status())) {
        return cancel ? cancel() : pay();
      }
      return poll();
    }

    private CompletableFuture<Void> poll() {
      long left = deadlineNanos - System.nanoTime();
      Duration wait = Duration.ofNanos(Math.max(0, Math.min(left, POLL_WAIT.toNanos())));
      return client
          .getOrderAsync(session, entry.id, wait.isZero() ? Duration.ofSeconds(1) : wait)
          .thenCompose(
              t -> {
                record(Operations.ORDER_GET, t);
                return t.ok() ? follow(t.value()) : later(this::poll);
              });
    }

    /** Re-reads the order at once, after a step was refused because it changed meanwhile. */
    private CompletableFuture<Void> refresh() {
      return client
          .getOrderAsync(session, entry.id, Duration.ZERO)
          .thenCompose(
              t -> {
                record(Operations.ORDER_GET, t);
                return t.ok() ? follow(t.value()) : later(this::refresh);
              });
    }

    private CompletableFuture<Void> pay() {
      return client
          .payAsync(session, entry.id, "lg-pay-" + entry.id, CARD)
          .thenCompose(
              t -> {
                record(Operations.ORDER_PAY, t);
                if (t.ok()) {
                  Order paid = t.value().order();
                  return paid != null ? follow(paid) : refresh();
                }
                // 409: no longer CONFIRMED (expired meanwhile); anything else is retried with
                // the same key, which order-service answers idempotently.
                return t.status() == 409 ? refresh() : later(this::pay);
              });
    }

    private CompletableFuture<Void> cancel() {
      return client
          .cancelAsync(session, entry.id)
          .thenCompose(
              t -> {
                record(Operations.ORDER_CANCEL, t);
                if (t.ok()) {
                  return follow(t.value());
                }
                return t.status() == 409 ? refresh() : later(this::cancel);
              });
    }

    private void record(String operation, Timed<?> t) {
      metrics.record(operation, measured, t.latencyNanos() / 1000, t.errorKind());
    }

    /** Runs {@code step} after a short pause, unless the order's time is up by then. */
    private CompletableFuture<Void> later(Supplier<CompletableFuture<Void>> step) {
      if (System.nanoTime() + RETRY_DELAY.toNanos() - deadlineNanos > 0) {
        metrics.error(Operations.ORDER_TERMINAL, measured, NOT_TERMINAL);
        return DONE;
      }
      return CompletableFuture.runAsync(
              () -> {},
              CompletableFuture.delayedExecutor(RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS))
          .thenCompose(v -> step.get());
    }
  }
}
