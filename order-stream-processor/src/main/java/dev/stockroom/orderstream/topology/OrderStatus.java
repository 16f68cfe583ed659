package dev.stockroom.orderstream.topology;

/**
 * The order lifecycle of ARCHITECTURE.md. Transitions only move forward; PAID, REJECTED, CANCELLED
 * and EXPIRED are terminal.
 */
public enum OrderStatus {
  PENDING,
  CONFIRMED,
  PAID,
  REJECTED,
  CANCELLED,
  EXPIRED;

  public boolean isTerminal() {
    return this == PAID || this == REJECTED || this == CANCELLED || this == EXPIRED;
  }
}
