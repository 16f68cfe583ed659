package dev.stockroom.order.core;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Wakes in-process waiters (long-polling readers) when an order's status changes. Holds only
 * callbacks, never threads; a waiter that gives up unsubscribes so nothing is kept for orders that
 * never change.
 */
public final class OrderStatusNotifier {
  private final Map<UUID, Set<Runnable>> waiters = new ConcurrentHashMap<>();

  /** A registration to cancel when the waiter stops waiting. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** Runs {@code callback} once, on the thread reporting the next change of order {@code id}. */
  public Subscription onChange(UUID id, Runnable callback) {
    waiters.computeIfAbsent(id, k -> new CopyOnWriteArraySet<>()).add(callback);
    return () ->
        waiters.computeIfPresent(
            id,
            (k, set) -> {
              set.remove(callback);
              return set.isEmpty() ? null : set;
            });
  }

  /** Reports that order {@code id} changed: every current waiter runs once and is removed. */
  public void changed(UUID id) {
    Set<Runnable> current = waiters.remove(id);
    if (current != null) {
      current.forEach(Runnable::run);
    }
  }

  /** How many orders someone is waiting on now. */
  public int waitedOnCount() {
    return waiters.size();
  }

  /** The orders someone is waiting on now. */
  public Set<UUID> waitedOn() {
    return Set.copyOf(waiters.keySet());
  }
}
