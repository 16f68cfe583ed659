package dev.stockroom.order.core;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Where orders live. Writes go through {@link #inTransaction}; reads stand alone. */
public interface OrderStore {
  /**
   * Runs {@code work} in one database transaction, committing when it returns and rolling back when
   * it throws. A transaction that lost a race on a unique key is run again from the start, so
   * {@code work} must not have effects outside the transaction it is given.
   */
  <T> T inTransaction(Function<OrderTransaction, T> work);

  Optional<Order> find(UUID id);

  OrderPage list(OrderQuery query);

  /** The current status of each of {@code ids} that exists. */
  Map<UUID, OrderStatus> statuses(Set<UUID> ids);

  /** How many orders are PENDING: placed, and not yet decided by the stream processor. */
  long countPending();
}
