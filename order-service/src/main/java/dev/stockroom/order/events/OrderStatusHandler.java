package dev.stockroom.order.events;

import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.InvalidEventException;
import dev.stockroom.events.OrderConfirmed;
import dev.stockroom.events.OrderRejected;
import dev.stockroom.events.OrderReleased;
import dev.stockroom.events.RejectedLine;
import dev.stockroom.events.ReleaseCause;
import dev.stockroom.order.core.OrderService;
import dev.stockroom.order.core.OrderStatus;
import dev.stockroom.order.core.StatusChange;
import dev.stockroom.platform.consumer.BatchRecordHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the stream processor's decisions from {@code order-status.v1} to the orders: confirmed,
 * rejected (with a reason per line), released as cancelled or expired. {@link OrderService} records
 * each event id once and only ever moves an order forward.
 */
public final class OrderStatusHandler implements BatchRecordHandler {
  private static final Logger LOG = LoggerFactory.getLogger(OrderStatusHandler.class);

  private final String consumerName;
  private final OrderService orders;

  /**
   * @param consumerName the name processed events are recorded under (the consumer group id)
   */
  public OrderStatusHandler(String consumerName, OrderService orders) {
    this.consumerName = Objects.requireNonNull(consumerName, "consumerName");
    this.orders = Objects.requireNonNull(orders, "orders");
  }

  @Override
  public void handle(ConsumerRecord<String, String> record) {
    handleAll(List.of(record));
  }

  /** Applies the decisions of consecutive records in one transaction. */
  @Override
  public void handleAll(List<ConsumerRecord<String, String>> records) {
    List<StatusChange> changes = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      decode(record).ifPresent(changes::add);
    }
    if (!changes.isEmpty()) {
      int changed = orders.applyStatuses(consumerName, changes);
      LOG.debug("{} decisions, {} orders changed", changes.size(), changed);
    }
  }

  private Optional<StatusChange> decode(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return Optional.empty();
    }
    try {
      String type = EventJson.typeOf(record.value());
      if (OrderConfirmed.TYPE.equals(type)) {
        EventEnvelope<OrderConfirmed> e = EventJson.read(record.value(), OrderConfirmed.class);
        return change(
            e, e.data().orderId(), OrderStatus.CONFIRMED, null, Map.of(), e.data().expiresAt());
      } else if (OrderRejected.TYPE.equals(type)) {
        EventEnvelope<OrderRejected> e = EventJson.read(record.value(), OrderRejected.class);
        Map<UUID, String> reasons = new LinkedHashMap<>();
        for (RejectedLine line : e.data().lines()) {
          if (line != null && line.productId() != null && line.reason() != null) {
            reasons.put(line.productId(), line.reason().name());
          }
        }
        String reason = e.data().reason() == null ? null : e.data().reason().name();
        return change(e, e.data().orderId(), OrderStatus.REJECTED, reason, reasons, null);
      } else if (OrderReleased.TYPE.equals(type)) {
        EventEnvelope<OrderReleased> e = EventJson.read(record.value(), OrderReleased.class);
        OrderStatus next =
            e.data().cause() == ReleaseCause.EXPIRED ? OrderStatus.EXPIRED : OrderStatus.CANCELLED;
        return change(e, e.data().orderId(), next, null, Map.of(), null);
      }
    } catch (InvalidEventException e) {
      // Retrying cannot fix a malformed record; skipping it keeps the partition moving.
      LOG.error(
          "Skipping malformed record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
    }
    return Optional.empty();
  }

  private static Optional<StatusChange> change(
      EventEnvelope<?> event,
      UUID orderId,
      OrderStatus next,
      String reason,
      Map<UUID, String> lineReasons,
      Instant expiresAt) {
    if (orderId == null) {
      LOG.error("Skipping {} {} without an order id", event.type(), event.eventId());
      return Optional.empty();
    }
    return Optional.of(
        new StatusChange(event.eventId(), orderId, next, reason, lineReasons, expiresAt));
  }
}
