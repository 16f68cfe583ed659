package dev.stockroom.order.core;

import dev.stockroom.platform.errors.ServiceUnavailableException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission control for the whole order pipeline: new orders are refused once {@code maxPending}
 * orders wait for the stream processor's decision. Past what the outbox relay, the broker and the
 * processor can decide, an accepted order only lengthens the queue in front of every order after
 * it; refusing it at once with a 503 keeps the time from POST to a decision bounded.
 *
 * <p>The count comes from the database, which every replica shares and a restart does not lose,
 * re-read on a schedule ({@link #run}) rather than per request: between two reads the limit can be
 * passed by what arrives in one interval.
 */
public final class PendingOrderLimit implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(PendingOrderLimit.class);
  private static final long UNKNOWN = -1;

  private final OrderStore store;
  private final long maxPending;
  private final Duration retryAfter;
  private final Runnable onRefusal;
  private volatile long pending = UNKNOWN;

  /**
   * @param maxPending how many undecided orders are allowed; 0 turns the limit off
   * @param retryAfter what a refused client is told to wait before trying again
   * @param onRefusal called once for every order refused (a metric's counter)
   */
  public PendingOrderLimit(
      OrderStore store, long maxPending, Duration retryAfter, Runnable onRefusal) {
    if (maxPending < 0) {
      throw new IllegalArgumentException("maxPending must be 0 (off) or more, not " + maxPending);
    }
    this.store = Objects.requireNonNull(store, "store");
    this.maxPending = maxPending;
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.onRefusal = Objects.requireNonNull(onRefusal, "onRefusal");
  }

  /** A limit that admits every order. */
  public static PendingOrderLimit off(OrderStore store) {
    return new PendingOrderLimit(store, 0, Duration.ofSeconds(1), () -> {});
  }

  /**
   * Re-reads the count; on failure the last count stands until the next read. Scheduled only while
   * the limit {@link #isOn}.
   */
  @Override
  public void run() {
    try {
      pending = store.countPending();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again; log and try on the next tick.
      LOG.warn("Could not count the pending orders: {}", e.toString());
    }
  }

  /** Whether the limit is on; with it off the count is never read and every order is admitted. */
  public boolean isOn() {
    return maxPending > 0;
  }

  /** Whether a new order may be placed now. Before the first count, every order is. */
  public boolean admits() {
    return !isOn() || pending < maxPending;
  }

  /** The last count of PENDING orders, or -1 before the first (or with the limit off). */
  public long pending() {
    return pending;
  }

  ServiceUnavailableException refusal() {
    onRefusal.run();
    return new ServiceUnavailableException(
        "Too many orders are waiting for a decision; no order was placed. Retry later.",
        retryAfter);
  }
}
