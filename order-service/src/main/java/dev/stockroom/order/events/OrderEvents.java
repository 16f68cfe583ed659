package dev.stockroom.order.events;

import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.OrderCancelled;
import dev.stockroom.events.OrderExpired;
import dev.stockroom.events.OrderLine;
import dev.stockroom.events.OrderPaid;
import dev.stockroom.events.OrderPlaced;
import dev.stockroom.events.Topics;
import dev.stockroom.order.core.Order;
import dev.stockroom.order.core.Payment;
import dev.stockroom.platform.outbox.OutboxMessage;

/**
 * Turns order changes into {@code orders.v1} events for the outbox. Key = order id, so every event
 * of one order lands on one partition in order.
 */
public final class OrderEvents {
  private OrderEvents() {}

  /** {@code OrderPlaced} with the price snapshot of every line. */
  public static OutboxMessage placed(Order order) {
    return message(
        EventEnvelope.of(
            OrderPlaced.TYPE,
            order.id().toString(),
            new OrderPlaced(
                order.id(),
                order.userId(),
                order.items().stream()
                    .map(i -> new OrderLine(i.productId(), i.quantity(), i.unitPriceMinor()))
                    .toList(),
                order.totalMinor(),
                order.currency())));
  }

  /** {@code OrderCancelled}: the stream processor releases whatever the order holds. */
  public static OutboxMessage cancelled(Order order) {
    return message(
        EventEnvelope.of(
            OrderCancelled.TYPE,
            order.id().toString(),
            new OrderCancelled(order.id(), order.userId())));
  }

  /** {@code OrderPaid}: the reservation is kept for good. */
  public static OutboxMessage paid(Order order, Payment payment) {
    return message(
        EventEnvelope.of(
            OrderPaid.TYPE,
            order.id().toString(),
            new OrderPaid(
                order.id(),
                order.userId(),
                payment.id(),
                payment.amountMinor(),
                payment.currency())));
  }

  /** {@code OrderExpired}: the payment deadline passed; the stream processor releases the stock. */
  public static OutboxMessage expired(Order order) {
    return message(
        EventEnvelope.of(
            OrderExpired.TYPE,
            order.id().toString(),
            new OrderExpired(order.id(), order.userId())));
  }

  private static OutboxMessage message(EventEnvelope<?> envelope) {
    return OutboxMessage.of(
        envelope.eventId(),
        Topics.ORDERS,
        envelope.aggregateId(),
        envelope.type(),
        EventJson.write(envelope));
  }
}
