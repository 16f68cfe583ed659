package dev.stockroom.order.core;

import dev.stockroom.platform.auth.AuthenticatedUser;
import dev.stockroom.platform.errors.ConflictException;
import dev.stockroom.platform.errors.ForbiddenException;
import dev.stockroom.platform.errors.PreconditionFailedException;
import dev.stockroom.platform.errors.PreconditionRequiredException;
import dev.stockroom.platform.errors.ProblemException;
import dev.stockroom.platform.errors.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Placing, reading, cancelling and paying orders, and applying the stream processor's decisions.
 * Every write is one transaction of the {@link OrderStore}, with its event in the same transaction.
 */
public final class OrderService {
  static final String PLACE_SCOPE = "place-order";

  private final OrderStore store;
  private final PaymentGateway gateway;
  private final OrderStatusNotifier notifier;
  private final PendingOrderLimit pendingLimit;
  private final Duration keyTtl;
  private final Clock clock;

  public OrderService(
      OrderStore store,
      PaymentGateway gateway,
      OrderStatusNotifier notifier,
      PendingOrderLimit pendingLimit,
      Duration keyTtl,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.pendingLimit = Objects.requireNonNull(pendingLimit, "pendingLimit");
    this.keyTtl = Objects.requireNonNull(keyTtl, "keyTtl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Places a PENDING order priced from the replica, or replays the first response to the same
   * request with the same {@code Idempotency-Key}. While the {@link PendingOrderLimit} refuses new
   * orders, a replay is still answered and anything else gets a 503.
   *
   * @param render turns the new order into the response body that is stored for replays
   */
  public StoredResponse place(
      AuthenticatedUser caller,
      List<RequestedLine> lines,
      String idempotencyKey,
      Function<Order, String> render) {
    OrderRules.CheckedLines checked = OrderRules.check(lines);
    Optional<IdempotencyKey> key =
        IdempotencyKey.from(idempotencyKey, PLACE_SCOPE, checked.canonical());
    if (!pendingLimit.admits()) {
      // A client retrying an order whose 201 it lost must learn that it was placed.
      Optional<StoredResponse> replay =
          key.flatMap(
              k ->
                  store.inTransaction(
                      tx -> tx.findKey(caller.id(), k, now()).map(stored -> replay(stored, k))));
      return replay.orElseThrow(pendingLimit::refusal);
    }
    return store.inTransaction(
        tx -> {
          Instant now = now();
          Map<UUID, Product> products = tx.products(checked.productIds());
          OrderRules.Priced priced;
          try {
            priced = OrderRules.price(checked, products);
          } catch (ProblemException rejected) {
            // A retry of a request that was accepted gets its first answer, even if a product
            // has been discontinued since.
            Optional<StoredResponse> replay =
                key.flatMap(k -> tx.findKey(caller.id(), k, now).map(stored -> replay(stored, k)));
            return replay.orElseThrow(() -> rejected);
          }
          Order order =
              new Order(
                  UUID.randomUUID(),
                  caller.id(),
                  OrderStatus.PENDING,
                  null,
                  null,
                  priced.items(),
                  priced.totalMinor(),
                  priced.currency(),
                  1,
                  now,
                  now);
          StoredResponse created = new StoredResponse(201, render.apply(order), order.id(), false);
          // The key is claimed with its response in one statement, before the order's rows, so
          // a concurrent request with the same key waits for this transaction and then replays.
          if (key.isPresent()) {
            Optional<StoredResponse> replay =
                claimOrReplay(tx, caller.id(), key.get(), now, Optional.of(created));
            if (replay.isPresent()) {
              return replay.get();
            }
          }
          tx.insertOrder(order);
          tx.emitPlaced(order);
          return created;
        });
  }

  /** The order, if the caller owns it or is an admin. */
  public Order get(AuthenticatedUser caller, UUID id) {
    return store.find(id).filter(o -> visibleTo(caller, o)).orElseThrow(() -> notFound(id));
  }

  /**
   * The caller's orders (an admin may name any {@code userId}), newest first.
   *
   * @throws ForbiddenException when a customer asks for another user's orders
   */
  public OrderPage list(
      AuthenticatedUser caller,
      Optional<UUID> userId,
      Optional<OrderStatus> status,
      Optional<OrderCursor> after,
      int limit) {
    UUID owner = userId.orElse(caller.id());
    if (!owner.equals(caller.id()) && !caller.isAdmin()) {
      throw new ForbiddenException("Only an admin may list another user's orders.");
    }
    return store.list(new OrderQuery(owner, status, after, limit));
  }

  /**
   * Cancels a PENDING or CONFIRMED order and emits {@code OrderCancelled}; cancelling a cancelled
   * order again changes nothing.
   *
   * @param expectedVersion from {@code If-Match}: cancel only if the order is still at this version
   * @throws ConflictException when the order is PAID, REJECTED or EXPIRED
   * @throws PreconditionFailedException when the order changed since the caller read it
   */
  public Order cancel(AuthenticatedUser caller, UUID id, OptionalLong expectedVersion) {
    Order result =
        store.inTransaction(
            tx -> {
              Order order =
                  tx.lockOrder(id)
                      .filter(o -> visibleTo(caller, o))
                      .orElseThrow(() -> notFound(id));
              if (expectedVersion.isPresent() && expectedVersion.getAsLong() != order.version()) {
                throw new PreconditionFailedException(
                    "The order changed since it was read; it is now " + order.status() + ".");
              }
              if (order.status() == OrderStatus.CANCELLED) {
                return order;
              }
              if (!order.status().canMoveTo(OrderStatus.CANCELLED)) {
                throw new ConflictException(
                    "The order is " + order.status() + " and can no longer be cancelled.");
              }
              Order next = order.withStatus(OrderStatus.CANCELLED, null, now());
              tx.updateStatus(next);
              tx.emitCancelled(next);
              return next;
            });
    notifier.changed(id);
    return result;
  }

  /**
   * Pays a CONFIRMED order with the gateway; on approval records the payment, moves the order to
   * PAID and emits {@code OrderPaid}. The same key and card replay the first approval.
   *
   * @param render turns the paid order and its payment into the response body stored for replays
   * @throws PreconditionRequiredException (428) without an {@code Idempotency-Key}
   * @throws PaymentDeclinedException (402) when the gateway declines; nothing is recorded
   * @throws ConflictException when the order is not CONFIRMED (already paid, cancelled, ...) or its
   *     payment deadline has passed
   */
  public StoredResponse pay(
      AuthenticatedUser caller,
      UUID id,
      String cardToken,
      String idempotencyKey,
      BiFunction<Order, Payment, String> render) {
    if (cardToken == null || cardToken.isBlank() || cardToken.length() > 255) {
      throw new ValidationException("cardToken", "is required (at most 255 characters)");
    }
    if (idempotencyKey == null) {
      throw new PreconditionRequiredException(
          "Payments need an Idempotency-Key header, so a retry never charges twice.");
    }
    IdempotencyKey key =
        IdempotencyKey.from(idempotencyKey, "pay:" + id, "card:" + cardToken).orElseThrow();
    StoredResponse response =
        store.inTransaction(
            tx -> {
              Instant now = now();
              Order order =
                  tx.lockOrder(id)
                      .filter(o -> o.userId().equals(caller.id()))
                      .orElseThrow(() -> notFound(id));
              Optional<StoredResponse> replay =
                  claimOrReplay(tx, caller.id(), key, now, Optional.empty());
              if (replay.isPresent()) {
                return replay.get();
              }
              if (order.status() != OrderStatus.CONFIRMED) {
                throw new ConflictException(
                    order.status() == OrderStatus.PAID
                        ? "The order is already paid."
                        : "Only a CONFIRMED order can be paid; this one is "
                            + order.status()
                            + ".");
              }
              if (order.isUnpaidPast(now)) {
                throw new ConflictException(
                        "The order's reservation expired at "
                            + order.expiresAt()
                            + "; it can no longer be paid.")
                    .withExtension("expiresAt", order.expiresAt().toString());
              }
              PaymentGateway.Charge charge =
                  gateway.charge(cardToken, order.totalMinor(), order.currency(), key.value());
              if (!charge.approved()) {
                throw new PaymentDeclinedException(charge.declineReason());
              }
              Payment payment =
                  new Payment(
                      UUID.randomUUID(),
                      order.id(),
                      order.totalMinor(),
                      order.currency(),
                      gateway.name(),
                      charge.reference(),
                      now);
              Order paid = order.withStatus(OrderStatus.PAID, null, now);
              tx.insertPayment(payment);
              tx.updateStatus(paid);
              tx.emitPaid(paid, payment);
              String body = render.apply(paid, payment);
              tx.saveResponse(caller.id(), key, 200, body, order.id());
              return new StoredResponse(200, body, order.id(), false);
            });
    if (!response.replayed()) {
      notifier.changed(id);
    }
    return response;
  }

  /**
   * Applies a decision of the stream processor once: a duplicate event, an unknown order or a
   * transition that would move backwards (a stale event) changes nothing.
   *
   * @return true when the order changed
   */
  public boolean applyStatus(String consumer, StatusChange change) {
    return applyStatuses(consumer, List.of(change)) == 1;
  }

  /**
   * Applies several decisions as {@link #applyStatus} does, in one transaction: all of them or none
   * (one commit for the lot instead of one each).
   *
   * @return how many orders changed
   */
  public int applyStatuses(String consumer, List<StatusChange> changes) {
    List<UUID> changed =
        store.inTransaction(
            tx -> {
              // A few statements for the whole batch, not four per decision: under load the
              // decisions arrive in polls of hundreds.
              Set<UUID> fresh =
                  new HashSet<>(
                      tx.markProcessed(
                          consumer, changes.stream().map(StatusChange::eventId).toList()));
              List<StatusChange> toApply = new ArrayList<>();
              for (StatusChange change : changes) {
                if (fresh.remove(change.eventId())) {
                  toApply.add(change);
                }
              }
              if (toApply.isEmpty()) {
                return List.<UUID>of();
              }
              Map<UUID, Order> orders =
                  new HashMap<>(
                      tx.lockOrdersWithoutLines(
                          toApply.stream().map(StatusChange::orderId).collect(Collectors.toSet())));
              Map<UUID, Order> updated = new LinkedHashMap<>();
              List<UUID> moved = new ArrayList<>();
              Instant now = now();
              for (StatusChange change : toApply) {
                Order order = orders.get(change.orderId());
                if (order == null || !order.status().canMoveTo(change.next())) {
                  continue; // unknown here, or a stale decision
                }
                Order next = order.withStatus(change.next(), change.reason(), now);
                if (change.next() == OrderStatus.CONFIRMED) {
                  next = next.withExpiresAt(change.expiresAt());
                }
                orders.put(next.id(), next);
                updated.put(next.id(), next);
                if (!change.lineReasons().isEmpty()) {
                  tx.setLineRejections(change.orderId(), change.lineReasons());
                }
                moved.add(change.orderId());
              }
              tx.updateStatuses(List.copyOf(updated.values()));
              return moved;
            });
    changed.forEach(notifier::changed);
    return changed.size();
  }

  /**
   * Ends up to {@code limit} CONFIRMED orders whose payment deadline has passed: each becomes
   * EXPIRED and emits {@code OrderExpired}, on which the stream processor releases its stock.
   *
   * <p>The deadline is enforced here rather than by the processor's clock because payments are
   * taken here: both lock the order row, so an order is either paid or expired, never paid and then
   * released.
   *
   * @return how many orders expired; fewer than {@code limit} means none is overdue any more (or
   *     another replica is expiring the same ones)
   */
  public int expireUnpaid(int limit) {
    Instant now = now();
    List<UUID> due = store.inTransaction(tx -> tx.unpaidPast(now, limit));
    int expired = 0;
    for (UUID id : due) {
      // One transaction per order: a payment waiting for one row is not held up by the others.
      boolean changed =
          store.inTransaction(
              tx -> {
                Optional<Order> order = tx.lockOrder(id);
                if (order.isEmpty() || !order.get().isUnpaidPast(now)) {
                  return false; // paid, cancelled or expired by another replica meanwhile
                }
                Order next = order.get().withStatus(OrderStatus.EXPIRED, null, now);
                tx.updateStatus(next);
                tx.emitExpired(next);
                return true;
              });
      if (changed) {
        notifier.changed(id);
        expired++;
      }
    }
    return expired;
  }

  private Optional<StoredResponse> claimOrReplay(
      OrderTransaction tx,
      UUID userId,
      IdempotencyKey key,
      Instant now,
      Optional<StoredResponse> response) {
    if (tx.claimKey(userId, key, now, now.plus(keyTtl), response)) {
      return Optional.empty();
    }
    OrderTransaction.StoredKey stored =
        tx.findKey(userId, key, now)
            .orElseThrow(
                () -> new ConflictException("The Idempotency-Key is in use; retry the request."));
    return Optional.of(replay(stored, key));
  }

  private static StoredResponse replay(OrderTransaction.StoredKey stored, IdempotencyKey key) {
    if (!stored.requestHash().equals(key.requestHash())) {
      throw new IdempotencyKeyReusedException();
    }
    return new StoredResponse(stored.status(), stored.body(), stored.resourceId(), true);
  }

  private static boolean visibleTo(AuthenticatedUser caller, Order order) {
    return caller.isAdmin() || order.userId().equals(caller.id());
  }

  private static OrderNotFoundException notFound(UUID id) {
    return new OrderNotFoundException(id);
  }

  // Microseconds: what PostgreSQL stores, so a value read back equals the one written.
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
