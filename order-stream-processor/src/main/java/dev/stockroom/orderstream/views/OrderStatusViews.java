package dev.stockroom.orderstream.views;

import dev.stockroom.orderstream.api.OrderStatusResponse;
import dev.stockroom.orderstream.topology.OrderState;
import dev.stockroom.orderstream.topology.OrderStatus;
import dev.stockroom.orderstream.topology.OrderTopology;
import dev.stockroom.platform.auth.AuthenticatedUser;
import dev.stockroom.platform.errors.NotFoundException;
import dev.stockroom.platform.errors.TooManyRequestsException;
import io.dropwizard.lifecycle.Managed;
import jakarta.ws.rs.container.AsyncResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order-status view, with an optional long poll: a caller may wait up to {@code wait} for the
 * status to move past the one it has {@code seen} (PENDING by default, so "wait for the decision").
 * Waiting requests are suspended, not parked on threads: one ticker re-reads each waited-on key
 * once per poll interval and answers every waiter of that key together.
 */
public class OrderStatusViews implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(OrderStatusViews.class);
  static final String PATH = "/api/v1/order-status";

  private final StoreLookups lookups;
  private final Forwarder forwarder;
  private final Duration retryAfter;
  private final Duration pollInterval;
  private final int maxWaiters;
  private final Map<String, List<Waiter>> waiters = new HashMap<>();
  private int waiting;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "order-status-waiters");
            thread.setDaemon(true);
            return thread;
          });

  private record Waiter(
      AsyncResponse response, AuthenticatedUser user, OrderStatus seen, long deadlineNanos) {}

  public OrderStatusViews(
      StoreLookups lookups,
      Forwarder forwarder,
      Duration retryAfter,
      Duration pollInterval,
      int maxWaiters) {
    this.lookups = lookups;
    this.forwarder = forwarder;
    this.retryAfter = retryAfter;
    this.pollInterval = pollInterval;
    this.maxWaiters = maxWaiters;
  }

  @Override
  public void start() {
    ticker.scheduleWithFixedDelay(
        this::tick, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    ticker.shutdownNow();
    List<Waiter> all = new ArrayList<>();
    synchronized (waiters) {
      waiters.values().forEach(all::addAll);
      waiters.clear();
      waiting = 0;
    }
    for (Waiter waiter : all) {
      waiter.response().resume(new ViewUnavailableException("shutting down", retryAfter));
    }
  }

  /**
   * Resumes {@code response} with the order's status (only for its owner or an admin; anyone else
   * gets the same 404 as for an unknown order), waiting up to {@code wait} for it to differ from
   * {@code seen}. An ended order forgotten after {@code terminalOrderRetention} is unknown here:
   * 404, after waiting out {@code wait} like any order not seen yet.
   */
  public void get(
      UUID orderId,
      AuthenticatedUser user,
      String authorization,
      boolean forwarded,
      Duration wait,
      OrderStatus seen,
      AsyncResponse response) {
    Lookup<OrderState> lookup = find(orderId.toString());
    if (lookup instanceof Lookup.Elsewhere<OrderState> elsewhere && !forwarded) {
      String query = "?wait=" + wait.toSeconds() + "&seen=" + seen.name();
      forwarder
          .get(elsewhere.host(), PATH + "/" + orderId + query, authorization, wait)
          .whenComplete((answer, failure) -> Relay.resume(response, answer, failure, retryAfter));
      return;
    }
    boolean answerable =
        lookup instanceof Lookup.Found<OrderState> || lookup instanceof Lookup.Absent<OrderState>;
    if (!answerable || wait.isZero() || moved(lookup, user, seen)) {
      Relay.resume(response, answer(lookup, user));
      return;
    }
    synchronized (waiters) {
      if (waiting >= maxWaiters) {
        response.resume(
            new TooManyRequestsException("too many requests are waiting for a status", retryAfter));
        return;
      }
      waiting++;
      waiters
          .computeIfAbsent(orderId.toString(), k -> new ArrayList<>())
          .add(new Waiter(response, user, seen, System.nanoTime() + wait.toNanos()));
    }
  }

  /** Number of requests suspended in a long poll, for the gauge. */
  public int waiting() {
    synchronized (waiters) {
      return waiting;
    }
  }

  void tick() {
    try {
      answerWaiters();
    } catch (RuntimeException e) {
      // A failure must not end the schedule: every later waiter would hang until its client gave
      // up.
      LOG.error("Answering long polls failed; retrying on the next tick", e);
    }
  }

  private void answerWaiters() {
    List<String> keys;
    synchronized (waiters) {
      keys = new ArrayList<>(waiters.keySet());
    }
    long now = System.nanoTime();
    for (String key : keys) {
      Lookup<OrderState> lookup = find(key);
      List<Waiter> done = new ArrayList<>();
      synchronized (waiters) {
        List<Waiter> list = waiters.getOrDefault(key, List.of());
        for (Iterator<Waiter> it = list.iterator(); it.hasNext(); ) {
          Waiter waiter = it.next();
          boolean finished =
              !waiter.response().isSuspended()
                  || now - waiter.deadlineNanos() >= 0
                  || moved(lookup, waiter.user(), waiter.seen())
                  // The key moved to another instance: this one will not see its changes.
                  || lookup instanceof Lookup.Elsewhere<OrderState>;
          if (finished) {
            it.remove();
            waiting--;
            done.add(waiter);
          }
        }
        if (list.isEmpty()) {
          waiters.remove(key);
        }
      }
      for (Waiter waiter : done) {
        if (waiter.response().isSuspended()) {
          Relay.resume(waiter.response(), answer(lookup, waiter.user()));
        }
      }
    }
  }

  private Lookup<OrderState> find(String orderId) {
    return lookups.find(OrderTopology.ORDER_STATE_STORE, orderId);
  }

  private static boolean moved(
      Lookup<OrderState> lookup, AuthenticatedUser user, OrderStatus seen) {
    return lookup instanceof Lookup.Found<OrderState> found
        && visible(found.value(), user)
        && found.value().status() != seen;
  }

  private Object answer(Lookup<OrderState> lookup, AuthenticatedUser user) {
    if (lookup instanceof Lookup.Found<OrderState> found && visible(found.value(), user)) {
      return OrderStatusResponse.from(found.value());
    }
    if (lookup instanceof Lookup.Found<OrderState> || lookup instanceof Lookup.Absent<OrderState>) {
      return new NotFoundException("no such order");
    }
    if (lookup instanceof Lookup.Unavailable<OrderState> unavailable) {
      return new ViewUnavailableException(unavailable.reason(), retryAfter);
    }
    return new ViewUnavailableException("the order is moving between instances", retryAfter);
  }

  private static boolean visible(OrderState order, AuthenticatedUser user) {
    return user.isAdmin() || order.userId().equals(user.id());
  }
}
