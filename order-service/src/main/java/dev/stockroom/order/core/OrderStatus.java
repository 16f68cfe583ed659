package dev.stockroom.order.core;

import java.util.Set;

/**
 * Where an order is in its lifecycle. Transitions only move forward and each order ends in exactly
 * one terminal state (PAID, REJECTED, CANCELLED, EXPIRED).
 */
public enum OrderStatus {
  PENDING,
  CONFIRMED,
  PAID,
  REJECTED,
  CANCELLED,
  EXPIRED;

  /** Whether no further transition can leave this status. */
  public boolean isTerminal() {
    return this == PAID || this == REJECTED || this == CANCELLED || this == EXPIRED;
  }

  /** The statuses from which an order may move to {@code this}. */
  public Set<OrderStatus> reachableFrom() {
    return switch (this) {
      case PENDING -> Set.of();
      case CONFIRMED, REJECTED -> Set.of(PENDING);
      case PAID -> Set.of(CONFIRMED);
      // A release for expiry implies the order was confirmed; accepting it from PENDING too means a
      // lost confirmation can never leave an order stuck.
      case CANCELLED, EXPIRED -> Set.of(PENDING, CONFIRMED);
    };
  }

  /** Whether an order in {@code this} status may move to {@code next}. */
  public boolean canMoveTo(OrderStatus next) {
    return next.reachableFrom().contains(this);
  }
}
