package dev.stockroom.order.core;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the orders someone is long-polling and wakes the waiters of those that left PENDING. The
 * status consumer wakes waiters in its own process at once; with several replicas sharing one
 * consumer group, a waiter on another replica learns of the change from this watcher instead.
 */
public final class PendingOrderWatcher implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(PendingOrderWatcher.class);

  private final OrderStore store;
  private final OrderStatusNotifier notifier;

  public PendingOrderWatcher(OrderStore store, OrderStatusNotifier notifier) {
    this.store = Objects.requireNonNull(store, "store");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
  }

  @Override
  public void run() {
    try {
      Set<UUID> waited = notifier.waitedOn();
      if (waited.isEmpty()) {
        return;
      }
      for (Map.Entry<UUID, OrderStatus> e : store.statuses(waited).entrySet()) {
        if (e.getValue() != OrderStatus.PENDING) {
          notifier.changed(e.getKey());
        }
      }
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again; log and try on the next tick.
      LOG.warn("Could not re-check long-polled orders: {}", e.toString());
    }
  }
}
