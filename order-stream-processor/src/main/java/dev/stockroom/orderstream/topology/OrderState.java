package dev.stockroom.orderstream.topology;

import dev.stockroom.events.OrderLine;
import dev.stockroom.events.OrderPlaced;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * An order as the processor tracks it, one per orderId in the {@code order-state} store (a terminal
 * one only until {@code terminalOrderRetention} has passed); it is also what the order-status view
 * serves.
 *
 * @param lineStatuses one entry per line, same order as {@code lines}
 * @param paymentReceived an OrderPaid arrived while the order was still being decided
 * @param expiresAt the payment deadline of a CONFIRMED order, as sent in OrderConfirmed
 *     (order-service enforces it); null otherwise
 * @param updatedAt wall-clock time of the last change
 */
public record OrderState(
    UUID orderId,
    UUID userId,
    OrderStatus status,
    List<OrderLine> lines,
    List<LineStatus> lineStatuses,
    long totalMinor,
    String currency,
    boolean paymentReceived,
    Instant expiresAt,
    Instant updatedAt) {

  public OrderState {
    lines = List.copyOf(lines);
    lineStatuses = List.copyOf(lineStatuses);
    if (lines.size() != lineStatuses.size()) {
      throw new IllegalArgumentException("one status per line");
    }
  }

  static OrderState placed(OrderPlaced placed, Instant now) {
    return new OrderState(
        placed.orderId(),
        placed.userId(),
        OrderStatus.PENDING,
        placed.lines(),
        Collections.nCopies(placed.lines().size(), LineStatus.PENDING),
        placed.totalMinor(),
        placed.currency(),
        false,
        null,
        now);
  }

  boolean allLinesAnswered() {
    return lineStatuses.stream().noneMatch(s -> s == LineStatus.PENDING);
  }

  boolean allLinesReserved() {
    return lineStatuses.stream().allMatch(s -> s == LineStatus.RESERVED);
  }

  OrderState withLineStatus(int lineNo, LineStatus status, Instant now) {
    List<LineStatus> next = new ArrayList<>(lineStatuses);
    next.set(lineNo, status);
    return new OrderState(
        orderId,
        userId,
        this.status,
        lines,
        next,
        totalMinor,
        currency,
        paymentReceived,
        expiresAt,
        now);
  }

  OrderState withStatus(OrderStatus next, Instant newExpiresAt, Instant now) {
    return new OrderState(
        orderId,
        userId,
        next,
        lines,
        lineStatuses,
        totalMinor,
        currency,
        paymentReceived,
        newExpiresAt,
        now);
  }

  OrderState withPaymentReceived(Instant now) {
    return new OrderState(
        orderId, userId, status, lines, lineStatuses, totalMinor, currency, true, expiresAt, now);
  }
}
