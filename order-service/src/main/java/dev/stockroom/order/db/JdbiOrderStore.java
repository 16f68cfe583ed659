package dev.stockroom.order.db;

import dev.stockroom.order.core.IdempotencyKey;
import dev.stockroom.order.core.Order;
import dev.stockroom.order.core.OrderCursor;
import dev.stockroom.order.core.OrderItem;
import dev.stockroom.order.core.OrderPage;
import dev.stockroom.order.core.OrderQuery;
import dev.stockroom.order.core.OrderStatus;
import dev.stockroom.order.core.OrderStore;
import dev.stockroom.order.core.OrderTransaction;
import dev.stockroom.order.core.Payment;
import dev.stockroom.order.core.Product;
import dev.stockroom.order.core.StoredResponse;
import dev.stockroom.order.events.OrderEvents;
import dev.stockroom.platform.consumer.ProcessedEvents;
import dev.stockroom.platform.db.SqlObjects;
import dev.stockroom.platform.outbox.Outbox;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link OrderStore} on the service's database. Each {@link #inTransaction} call is one JDBI
 * transaction holding the order rows, the idempotency claim and the outbox event together.
 */
public final class JdbiOrderStore implements OrderStore {
  // Unique violation, serialization failure, deadlock (PostgreSQL and H2), H2's lock timeout and
  // concurrent update: all mean "another transaction got there first; run again".
  private static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01", "HYT00", "90131");
  private static final int MAX_ATTEMPTS = 20;
  private static final UUID MAX_UUID = new UUID(-1L, -1L);
  private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

  private final Jdbi jdbi;
  private final Outbox outbox;

  public JdbiOrderStore(Jdbi jdbi, Outbox outbox) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    SqlObjects.prepare(
        this.jdbi,
        OrderPlacementDao.class,
        OrderReadDao.class,
        OrderDao.class,
        OrderStatusDao.class,
        IdempotencyKeyDao.class,
        ProductReplicaDao.class);
    this.outbox = Objects.requireNonNull(outbox, "outbox");
  }

  @Override
  public <T> T inTransaction(Function<OrderTransaction, T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbi.inTransaction(handle -> work.apply(new Tx(handle)));
      } catch (JdbiException e) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(e)) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  @Override
  public Optional<Order> find(UUID id) {
    return jdbi.withHandle(h -> h.attach(OrderReadDao.class).find(id));
  }

  @Override
  public OrderPage list(OrderQuery query) {
    OrderCursor after = query.after().orElse(new OrderCursor(FAR_FUTURE, MAX_UUID));
    // PostgreSQL orders UUIDs as unsigned bytes; the largest is all ones, so "before it" includes
    // every id. H2 compares the same way.
    List<Order> orders =
        jdbi.withHandle(
            h ->
                h.attach(OrderReadDao.class)
                    .page(
                        query.userId(),
                        query.status().isPresent() ? "AND status = :status" : "",
                        query.status().map(Enum::name).orElse(null),
                        after.createdAt(),
                        after.id(),
                        query.limit() + 1));
    if (orders.size() <= query.limit()) {
      return new OrderPage(orders, Optional.empty());
    }
    List<Order> shown = orders.subList(0, query.limit());
    Order last = shown.get(shown.size() - 1);
    return new OrderPage(
        List.copyOf(shown), Optional.of(new OrderCursor(last.createdAt(), last.id())));
  }

  @Override
  public Map<UUID, OrderStatus> statuses(Set<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        h ->
            h.attach(OrderReadDao.class).findAll(ids).stream()
                .collect(Collectors.toMap(OrderRow::id, OrderRow::status)));
  }

  @Override
  public long countPending() {
    return jdbi.withHandle(h -> h.attach(OrderStatusDao.class).countPending());
  }

  private static boolean isRetryable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        if (RETRYABLE.contains(sql.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(200, 5L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a transaction", e);
    }
  }

  /**
   * One transaction's view. Each DAO is attached on first use: attaching costs a configuration copy
   * per DAO method (see {@link OrderPlacementDao}), and most transactions need one or two of them.
   */
  private final class Tx implements OrderTransaction {
    private final Handle handle;
    private OrderPlacementDao placement;
    private OrderDao orders;
    private OrderStatusDao statuses;
    private IdempotencyKeyDao keys;

    Tx(Handle handle) {
      this.handle = handle;
    }

    private OrderPlacementDao placement() {
      if (placement == null) {
        placement = handle.attach(OrderPlacementDao.class);
      }
      return placement;
    }

    private OrderDao orders() {
      if (orders == null) {
        orders = handle.attach(OrderDao.class);
      }
      return orders;
    }

    private OrderStatusDao statuses() {
      if (statuses == null) {
        statuses = handle.attach(OrderStatusDao.class);
      }
      return statuses;
    }

    private IdempotencyKeyDao keys() {
      if (keys == null) {
        keys = handle.attach(IdempotencyKeyDao.class);
      }
      return keys;
    }

    // A fresh key, the common case, costs one statement; an expired claim is deleted (and the
    // insert tried again) only when the insert found one.
    @Override
    public boolean claimKey(
        UUID userId,
        IdempotencyKey key,
        Instant now,
        Instant expiresAt,
        Optional<StoredResponse> response) {
      return insertClaim(userId, key, now, expiresAt, response)
          || (keys().deleteExpired(userId, key.scope(), key.value(), now) == 1
              && insertClaim(userId, key, now, expiresAt, response));
    }

    private boolean insertClaim(
        UUID userId,
        IdempotencyKey key,
        Instant now,
        Instant expiresAt,
        Optional<StoredResponse> response) {
      return placement()
              .claim(
                  userId,
                  key.scope(),
                  key.value(),
                  key.requestHash(),
                  now,
                  expiresAt,
                  response.map(StoredResponse::status).orElse(null),
                  response.map(StoredResponse::body).orElse(null),
                  response.map(StoredResponse::resourceId).orElse(null))
          == 1;
    }

    @Override
    public Optional<StoredKey> findKey(UUID userId, IdempotencyKey key, Instant now) {
      return keys().find(userId, key.scope(), key.value(), now);
    }

    @Override
    public void saveResponse(
        UUID userId, IdempotencyKey key, int status, String body, UUID resourceId) {
      keys().saveResponse(userId, key.scope(), key.value(), status, body, resourceId);
    }

    @Override
    public Set<UUID> markProcessed(String consumer, List<UUID> eventIds) {
      return ProcessedEvents.markProcessed(handle, consumer, eventIds);
    }

    @Override
    public Map<UUID, Product> products(Set<UUID> ids) {
      Map<UUID, Product> found = new LinkedHashMap<>();
      if (!ids.isEmpty()) {
        placement().products(ids).forEach(p -> found.put(p.id(), p));
      }
      return found;
    }

    @Override
    public void insertOrder(Order order) {
      placement().insertOrder(order, order.status().name());
      List<LineRow> lines = new ArrayList<>();
      for (int i = 0; i < order.items().size(); i++) {
        OrderItem item = order.items().get(i);
        lines.add(
            new LineRow(
                order.id(), i, item.productId(), item.quantity(), item.unitPriceMinor(), null));
      }
      placement().insertLines(lines);
    }

    @Override
    public Optional<Order> lockOrder(UUID id) {
      return orders()
          .lock(id)
          .map(r -> r.withItems(orders().lines(id).stream().map(LineRow::toItem).toList()));
    }

    @Override
    public Map<UUID, Order> lockOrdersWithoutLines(Set<UUID> ids) {
      Map<UUID, Order> locked = new HashMap<>();
      if (!ids.isEmpty()) {
        statuses().lockAll(ids).forEach(r -> locked.put(r.id(), r.withItems(List.of())));
      }
      return locked;
    }

    @Override
    public void updateStatuses(List<Order> changed) {
      if (!changed.isEmpty()) {
        statuses().updateStatuses(changed);
      }
    }

    @Override
    public List<UUID> unpaidPast(Instant now, int limit) {
      return statuses().unpaidPast(now, limit);
    }

    @Override
    public void updateStatus(Order order) {
      orders()
          .updateStatus(
              order.id(),
              order.status(),
              order.statusReason(),
              order.expiresAt(),
              order.version(),
              order.updatedAt());
    }

    @Override
    public void setLineRejections(UUID orderId, Map<UUID, String> reasons) {
      reasons.forEach((productId, reason) -> statuses().setRejection(orderId, productId, reason));
    }

    @Override
    public void insertPayment(Payment payment) {
      orders().insertPayment(payment);
    }

    @Override
    public void emitPlaced(Order order) {
      outbox.append(handle, OrderEvents.placed(order));
    }

    @Override
    public void emitCancelled(Order order) {
      outbox.append(handle, OrderEvents.cancelled(order));
    }

    @Override
    public void emitPaid(Order order, Payment payment) {
      outbox.append(handle, OrderEvents.paid(order, payment));
    }

    @Override
    public void emitExpired(Order order) {
      outbox.append(handle, OrderEvents.expired(order));
    }
  }
}
