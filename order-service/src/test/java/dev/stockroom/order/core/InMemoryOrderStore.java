package dev.stockroom.order.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An {@link OrderStore} in memory for core tests: one lock stands in for the database, and a
 * transaction that throws leaves nothing behind (it works on copies and commits at the end).
 */
final class InMemoryOrderStore implements OrderStore {
  record KeyId(UUID userId, String scope, String value) {}

  final Map<UUID, Product> products = new HashMap<>();
  final Map<UUID, Order> orders = new HashMap<>();
  final Map<KeyId, OrderTransaction.StoredKey> keys = new HashMap<>();
  final Set<String> processed = new HashSet<>();
  final List<Payment> payments = new ArrayList<>();
  final List<String> events = new ArrayList<>();

  @Override
  public synchronized <T> T inTransaction(Function<OrderTransaction, T> work) {
    Tx tx = new Tx();
    T result = work.apply(tx);
    orders.putAll(tx.orders);
    keys.putAll(tx.keys);
    processed.addAll(tx.processed);
    payments.addAll(tx.payments);
    events.addAll(tx.events);
    return result;
  }

  @Override
  public synchronized Optional<Order> find(UUID id) {
    return Optional.ofNullable(orders.get(id));
  }

  @Override
  public synchronized OrderPage list(OrderQuery query) {
    List<Order> matching =
        orders.values().stream()
            .filter(o -> o.userId().equals(query.userId()))
            .filter(o -> query.status().map(s -> s == o.status()).orElse(true))
            .sorted(Comparator.comparing(Order::createdAt).thenComparing(Order::id).reversed())
            .collect(Collectors.toList());
    List<Order> shown = matching.subList(0, Math.min(query.limit(), matching.size()));
    return new OrderPage(shown, Optional.empty());
  }

  @Override
  public synchronized Map<UUID, OrderStatus> statuses(Set<UUID> ids) {
    return ids.stream()
        .filter(orders::containsKey)
        .collect(Collectors.toMap(id -> id, id -> orders.get(id).status()));
  }

  @Override
  public synchronized long countPending() {
    return orders.values().stream().filter(o -> o.status() == OrderStatus.PENDING).count();
  }

  private final class Tx implements OrderTransaction {
    final Map<UUID, Order> orders = new HashMap<>();
    final Map<KeyId, StoredKey> keys = new HashMap<>();
    final Set<String> processed = new HashSet<>();
    final List<Payment> payments = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    @Override
    public boolean claimKey(
        UUID userId,
        IdempotencyKey key,
        Instant now,
        Instant expiresAt,
        Optional<StoredResponse> response) {
      KeyId id = new KeyId(userId, key.scope(), key.value());
      if (InMemoryOrderStore.this.keys.containsKey(id) || keys.containsKey(id)) {
        return false;
      }
      keys.put(
          id,
          response
              .map(r -> new StoredKey(key.requestHash(), r.status(), r.body(), r.resourceId()))
              .orElse(new StoredKey(key.requestHash(), 0, null, null)));
      return true;
    }

    @Override
    public Optional<StoredKey> findKey(UUID userId, IdempotencyKey key, Instant now) {
      return Optional.ofNullable(
          InMemoryOrderStore.this.keys.get(new KeyId(userId, key.scope(), key.value())));
    }

    @Override
    public void saveResponse(
        UUID userId, IdempotencyKey key, int status, String body, UUID resourceId) {
      keys.put(
          new KeyId(userId, key.scope(), key.value()),
          new StoredKey(key.requestHash(), status, body, resourceId));
    }

    @Override
    public Set<UUID> markProcessed(String consumer, List<UUID> eventIds) {
      Set<UUID> fresh = new java.util.LinkedHashSet<>();
      for (UUID eventId : eventIds) {
        String id = consumer + "/" + eventId;
        if (!InMemoryOrderStore.this.processed.contains(id) && processed.add(id)) {
          fresh.add(eventId);
        }
      }
      return fresh;
    }

    @Override
    public Map<UUID, Product> products(Set<UUID> ids) {
      return ids.stream()
          .filter(products::containsKey)
          .collect(Collectors.toMap(id -> id, products::get));
    }

    @Override
    public void insertOrder(Order order) {
      orders.put(order.id(), order);
    }

    @Override
    public Optional<Order> lockOrder(UUID id) {
      return Optional.ofNullable(orders.getOrDefault(id, InMemoryOrderStore.this.orders.get(id)));
    }

    @Override
    public List<UUID> unpaidPast(Instant now, int limit) {
      return InMemoryOrderStore.this.orders.values().stream()
          .filter(o -> o.isUnpaidPast(now))
          .sorted(java.util.Comparator.comparing(Order::expiresAt))
          .limit(limit)
          .map(Order::id)
          .toList();
    }

    @Override
    public void updateStatus(Order order) {
      orders.put(order.id(), order);
    }

    @Override
    public Map<UUID, Order> lockOrdersWithoutLines(Set<UUID> ids) {
      Map<UUID, Order> found = new HashMap<>();
      for (UUID id : ids) {
        lockOrder(id).ifPresent(o -> found.put(id, o));
      }
      return found;
    }

    @Override
    public void updateStatuses(List<Order> changed) {
      changed.forEach(this::updateStatus);
    }

    @Override
    public void setLineRejections(UUID orderId, Map<UUID, String> reasons) {
      Order order = lockOrder(orderId).orElseThrow();
      List<OrderItem> items =
          order.items().stream()
              .map(
                  i ->
                      new OrderItem(
                          i.productId(),
                          i.quantity(),
                          i.unitPriceMinor(),
                          reasons.get(i.productId())))
              .toList();
      orders.put(
          orderId,
          new Order(
              order.id(),
              order.userId(),
              order.status(),
              order.statusReason(),
              order.expiresAt(),
              items,
              order.totalMinor(),
              order.currency(),
              order.version(),
              order.createdAt(),
              order.updatedAt()));
    }

    @Override
    public void insertPayment(Payment payment) {
      payments.add(payment);
    }

    @Override
    public void emitPlaced(Order order) {
      events.add("OrderPlaced:" + order.id());
    }

    @Override
    public void emitCancelled(Order order) {
      events.add("OrderCancelled:" + order.id());
    }

    @Override
    public void emitPaid(Order order, Payment payment) {
      events.add("OrderPaid:" + order.id());
    }

    @Override
    public void emitExpired(Order order) {
      events.add("OrderExpired:" + order.id());
    }
  }
}
