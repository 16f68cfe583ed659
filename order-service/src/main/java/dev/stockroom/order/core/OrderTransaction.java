package dev.stockroom.order.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What {@link OrderService} may do inside one transaction of an {@link OrderStore}. */
public interface OrderTransaction {
  /** A key already used by a user, with the response it got. */
  record StoredKey(String requestHash, int status, String body, UUID resourceId) {}

  /**
   * Claims {@code key} for {@code userId}, replacing an expired claim, with the {@code response}
   * when it is already known (otherwise {@link #saveResponse} records it later). Written before the
   * request's other rows, so a concurrent request with the same key waits for this one (or fails
   * and is retried) and then sees its response.
   *
   * @return true when this transaction holds the key; false when an unexpired claim exists
   */
  boolean claimKey(
      UUID userId,
      IdempotencyKey key,
      Instant now,
      Instant expiresAt,
      Optional<StoredResponse> response);

  /** The unexpired claim of {@code key}, if there is one. */
  Optional<StoredKey> findKey(UUID userId, IdempotencyKey key, Instant now);

  /** Records the response given for a key this transaction claimed. */
  void saveResponse(UUID userId, IdempotencyKey key, int status, String body, UUID resourceId);

  /**
   * Records that {@code consumer} handled each event.
   *
   * @return the ids recorded now: not those handled before, and an id given twice only once
   */
  Set<UUID> markProcessed(String consumer, List<UUID> eventIds);

  Map<UUID, Product> products(Set<UUID> ids);

  void insertOrder(Order order);

  /** The order, locked against concurrent changes until the transaction ends. */
  Optional<Order> lockOrder(UUID id);

  /**
   * The orders of {@code ids} that exist, locked as {@link #lockOrder} does (in id order, so two
   * such transactions never deadlock), without their lines: {@code items()} is empty.
   */
  Map<UUID, Order> lockOrdersWithoutLines(Set<UUID> ids);

  /**
   * Up to {@code limit} CONFIRMED orders whose payment deadline is at or before {@code now}, the
   * most overdue first. Not locked: lock each with {@link #lockOrder} and check again.
   */
  List<UUID> unpaidPast(Instant now, int limit);

  /** Stores {@code order}'s status, reason, payment deadline, version and update time. */
  void updateStatus(Order order);

  /** {@link #updateStatus} for each order, in one round trip. */
  void updateStatuses(List<Order> orders);

  /** Stores why each line of a rejected order failed, keyed by product id. */
  void setLineRejections(UUID orderId, Map<UUID, String> reasons);

  void insertPayment(Payment payment);

  /** {@code OrderPlaced} to the outbox. */
  void emitPlaced(Order order);

  /** {@code OrderCancelled} to the outbox. */
  void emitCancelled(Order order);

  /** {@code OrderPaid} to the outbox. */
  void emitPaid(Order order, Payment payment);

  /** {@code OrderExpired} to the outbox. */
  void emitExpired(Order order);
}
