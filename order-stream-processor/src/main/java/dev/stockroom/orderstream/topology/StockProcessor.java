package dev.stockroom.orderstream.topology;

import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.InvalidEventException;
import dev.stockroom.events.StockLevelSet;
import dev.stockroom.events.StockView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stock side, partitioned by productId. It applies stock levels from the inventory topic
 * (higher versions only) and the order side's reserve and release commands, keeps each product's
 * totals in the {@code stock} store and each held reservation in {@code stock-reservations},
 * answers every reserve with a line result, and publishes a StockView after every change.
 *
 * <p>A reservation is keyed by product, order and line, so a reserve that is already held and a
 * release of what is not held change nothing: no command can reserve twice or release twice. A
 * settle (a paid order being forgotten) drops the key and keeps the quantity reserved, so the store
 * holds only what a later command can still refer to.
 */
final class StockProcessor implements Processor<byte[], byte[], Object, Object> {
  private static final InternalJson<StockCommand> COMMANDS = InternalJson.of(StockCommand.class);

  private final OrderTopologyConfig config;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, StockState> stock;
  private KeyValueStore<String, Long> reservations;
  private DeadLetters deadLetters;

  StockProcessor(OrderTopologyConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.stock = context.getStateStore(OrderTopology.STOCK_STORE);
    this.reservations = context.getStateStore(OrderTopology.STOCK_RESERVATIONS_STORE);
    this.deadLetters =
        new DeadLetters(context, OrderTopology.STOCK_PROCESSOR, OrderTopology.STOCK_DLQ_SINK);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
    try {
      if (topic.equals(config.stockCommandsTopic())) {
        onCommand(record);
      } else {
        onStockLevel(record);
      }
    } catch (InvalidEventException e) {
      deadLetters.send(record, OrderProcessor.describe(e));
    }
  }

  private void onStockLevel(Record<byte[], byte[]> record) {
    String key = keyOf(record);
    if (record.value() == null) {
      throw new InvalidEventException("null value", null);
    }
    String json = new String(record.value(), StandardCharsets.UTF_8);
    String type = EventJson.typeOf(json);
    if (!type.equals(StockLevelSet.TYPE)) {
      throw new InvalidEventException("unknown event type " + type, null);
    }
    EventEnvelope<StockLevelSet> envelope = EventJson.read(json, StockLevelSet.class);
    StockLevelSet level = envelope.data();
    require(level.productId() != null, "productId is missing");
    require(
        key.equals(level.productId().toString()) && envelope.aggregateId().equals(key),
        "record key, aggregateId and productId must be the same product");
    require(level.onHand() >= 0, "onHand must not be negative, was " + level.onHand());
    require(level.version() >= 0, "version must not be negative, was " + level.version());

    StockState current = stock.get(key);
    if (current != null && level.version() <= current.version()) {
      return; // A duplicate or an older level that arrived late: the newer one already applies.
    }
    StockState next =
        current == null
            ? new StockState(level.productId(), level.onHand(), 0, level.version())
            : current.withLevel(level.onHand(), level.version());
    save(next, record);
  }

  private void onCommand(Record<byte[], byte[]> record) {
    StockCommand command = COMMANDS.read(record.value());
    require(
        command.kind() != null
            && command.orderId() != null
            && command.productId() != null
            && command.quantity() > 0
            && command.lineNo() >= 0,
        "incomplete stock command");
    require(keyOf(record).equals(command.productId().toString()), "command key is not its product");
    String productId = command.productId().toString();
    String reservationKey =
        reservationKey(command.productId(), command.orderId(), command.lineNo());
    Long held = reservations.get(reservationKey);
    switch (command.kind()) {
      case RESERVE -> {
        if (held != null) {
          answer(command, LineStatus.RESERVED, record);
          return;
        }
        StockState current = stock.get(productId);
        if (current == null) {
          answer(command, LineStatus.UNKNOWN_PRODUCT, record);
        } else if (current.available() >= command.quantity()) {
          reservations.put(reservationKey, (long) command.quantity());
          save(current.withReserved(current.reserved() + command.quantity()), record);
          answer(command, LineStatus.RESERVED, record);
        } else {
          answer(command, LineStatus.OUT_OF_STOCK, record);
        }
      }
      case RELEASE -> {
        if (held == null) {
          return; // Never reserved (rejected line) or already released.
        }
        reservations.delete(reservationKey);
        StockState current = stock.get(productId);
        save(current.withReserved(current.reserved() - held), record);
      }
      case SETTLE -> {
        if (held != null) {
          reservations.delete(reservationKey); // The stock is unchanged, so no view goes out.
        }
      }
    }
  }

  private void save(StockState next, Record<?, ?> cause) {
    stock.put(next.productId().toString(), next);
    StockView view = next.view();
    context.forward(
        Outputs.event(
            StockView.TYPE,
            next.productId().toString(),
            view,
            Instant.ofEpochMilli(context.currentSystemTimeMs()),
            cause.timestamp(),
            cause.headers()),
        OrderTopology.STOCK_VIEW_SINK);
  }

  private void answer(StockCommand command, LineStatus outcome, Record<?, ?> cause) {
    LineResult result =
        new LineResult(
            command.orderId(), command.lineNo(), command.productId(), command.quantity(), outcome);
    context.forward(
        Outputs.internal(command.orderId().toString(), result, cause.timestamp(), cause.headers()),
        OrderTopology.LINE_RESULTS_SINK);
  }

  /** Reservations of one product share a key prefix, so they can be listed with a prefix scan. */
  static String reservationKey(UUID productId, UUID orderId, int lineNo) {
    return productId + "/" + orderId + "/" + lineNo;
  }

  private static String keyOf(Record<byte[], byte[]> record) {
    if (record.key() == null) {
      throw new InvalidEventException("null key", null);
    }
    return new String(record.key(), StandardCharsets.UTF_8);
  }

  private static void require(boolean condition, String reason) {
    if (!condition) {
      throw new InvalidEventException(reason, null);
    }
  }
}
