package dev.stockroom.orderstream.topology;

import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.InvalidEventException;
import dev.stockroom.events.OrderCancelled;
import dev.stockroom.events.OrderConfirmed;
import dev.stockroom.events.OrderExpired;
import dev.stockroom.events.OrderLine;
import dev.stockroom.events.OrderPaid;
import dev.stockroom.events.OrderPlaced;
import dev.stockroom.events.OrderRejected;
import dev.stockroom.events.OrderReleased;
import dev.stockroom.events.RejectedLine;
import dev.stockroom.events.RejectionReason;
import dev.stockroom.events.ReleaseCause;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The order side, partitioned by orderId. It reads the order events and the stock side's line
 * results, keeps each order's lifecycle in the {@code order-state} store, sends reserve and release
 * commands to the products' partitions, and publishes exactly one decision per order.
 *
 * <p>Every transition is guarded by the stored state, so a duplicate input finds the order already
 * past that step and changes nothing; under exactly_once_v2 the state change, the commands and the
 * decision commit together.
 *
 * <p>It sets each confirmed order's payment deadline but does not enforce it: order-service takes
 * the payments, so it also decides expiry (one row lock orders the two) and sends {@link
 * OrderExpired}, which is released here like a cancel. An expiry by this processor's own clock
 * could release an order that order-service was paying at the same moment.
 *
 * <p>An order that reaches PAID, REJECTED, CANCELLED or EXPIRED is kept for {@code
 * terminalOrderRetention} more, then forgotten by a wall-clock sweep over the {@code
 * order-retention} index. Until then it answers the status view and guards against duplicates; the
 * retention is long enough that no duplicate comes later: the outbox re-sends an event only when
 * the acknowledgement of its first send was lost, within minutes, and {@code orders.v1} keeps a
 * record for 7 days. Forgetting publishes nothing and releases nothing: the order's stock was
 * settled when it ended. A PAID order's quantities stay reserved on the stock side; forgetting it
 * sends a settle for each reserved line, which drops the stock side's per-line record too.
 */
final class OrderProcessor implements Processor<byte[], byte[], Object, Object> {
  /**
   * Bounds the work of one retention sweep. Every deletion also goes to a changelog in the current
   * transaction, so a backlog (after a long stop, or a day of heavy traffic falling due at once) is
   * worked off over several punctuations instead of one long transaction that holds up processing.
   * It also caps the sweep's rate at this many per {@code terminalOrderScanInterval} per task: with
   * the default 1 second, 1,000 ended orders a second, which is why that interval is short.
   */
  static final int MAX_FORGOTTEN_PER_SCAN = 1_000;

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private static final InternalJson<LineResult> LINE_RESULTS = InternalJson.of(LineResult.class);

  private final OrderTopologyConfig config;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, OrderState> orders;
  private KeyValueStore<String, String> retention;
  private DeadLetters deadLetters;

  /**
   * The last index key a sweep forgot, where the next one starts: the entries before it are
   * deleted, and RocksDB would otherwise step over their tombstones on every scan until compaction.
   * New entries are due at least an hour after now (the retention's minimum), so none lands before
   * it unless the wall clock steps back further than that. Empty after {@link #init}: scan from the
   * start. Kept only in memory, so if a transaction that forgot orders aborts, their entries are
   * skipped until the task is initialized again: they are then kept longer, never forgotten early.
   * (Empty, not null: on Kafka Streams 4.4's transactional stores {@code range(null, to)} ignores
   * {@code to} for what is already in RocksDB and returns every later key too.)
   */
  private String sweptUpTo = "";

  OrderProcessor(OrderTopologyConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.orders = context.getStateStore(OrderTopology.ORDER_STATE_STORE);
    this.retention = context.getStateStore(OrderTopology.ORDER_RETENTION_STORE);
    this.sweptUpTo = "";
    this.deadLetters =
        new DeadLetters(context, OrderTopology.ORDER_PROCESSOR, OrderTopology.ORDER_DLQ_SINK);
    context.schedule(
        config.terminalOrderScanInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        this::forgetTerminalOrders);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
    try {
      if (topic.equals(config.lineResultsTopic())) {
        onLineResult(record);
      } else {
        onOrderEvent(record);
      }
    } catch (InvalidEventException e) {
      deadLetters.send(record, describe(e));
    }
  }

  private void onOrderEvent(Record<byte[], byte[]> record) {
    String key = keyOf(record);
    if (record.value() == null) {
      throw new InvalidEventException("null value", null);
    }
    String json = new String(record.value(), StandardCharsets.UTF_8);
    String type = EventJson.typeOf(json);
    switch (type) {
      case OrderPlaced.TYPE ->
          onPlaced(record, validPlaced(EventJson.read(json, OrderPlaced.class), key));
      case OrderCancelled.TYPE ->
          onCancelled(record, validCancelled(EventJson.read(json, OrderCancelled.class), key));
      case OrderPaid.TYPE -> onPaid(record, validPaid(EventJson.read(json, OrderPaid.class), key));
      case OrderExpired.TYPE ->
          onExpired(record, validExpired(EventJson.read(json, OrderExpired.class), key));
      default -> throw new InvalidEventException("unknown event type " + type, null);
    }
  }

  private void onPlaced(Record<byte[], byte[]> record, OrderPlaced placed) {
    String orderId = placed.orderId().toString();
    if (orders.get(orderId) != null) {
      // The outbox delivers at least once: the order is already being handled, or has ended and
      // is kept (terminalOrderRetention) for longer than a duplicate can arrive late.
      return;
    }
    Instant now = now();
    orders.put(orderId, OrderState.placed(placed, now));
    List<OrderLine> lines = placed.lines();
    for (int lineNo = 0; lineNo < lines.size(); lineNo++) {
      OrderLine line = lines.get(lineNo);
      sendCommand(
          StockCommand.reserve(placed.orderId(), lineNo, line.productId(), line.quantity()),
          record);
    }
  }

  private void onCancelled(Record<byte[], byte[]> record, OrderCancelled cancelled) {
    endOpenOrder(
        existing(cancelled.orderId()), OrderStatus.CANCELLED, ReleaseCause.CANCELLED, record);
  }

  private void onExpired(Record<byte[], byte[]> record, OrderExpired expired) {
    endOpenOrder(existing(expired.orderId()), OrderStatus.EXPIRED, ReleaseCause.EXPIRED, record);
  }

  /** Ends an open order for the cause: its stock goes back and {@code OrderReleased} says why. */
  private void endOpenOrder(
      OrderState order, OrderStatus status, ReleaseCause cause, Record<byte[], byte[]> record) {
    switch (order.status()) {
      case PENDING, CONFIRMED -> {
        Instant now = now();
        OrderState released = releaseHeldLines(order, record, now);
        storeEnded(released.withStatus(status, null, now), now);
        publish(
            OrderReleased.TYPE, order.orderId(), new OrderReleased(order.orderId(), cause), record);
      }
      default -> {
        // Already decided for good (or a duplicate): nothing to release.
      }
    }
  }

  private void onPaid(Record<byte[], byte[]> record, OrderPaid paid) {
    OrderState order = existing(paid.orderId());
    if (paid.amountMinor() != order.totalMinor() || !paid.currency().equals(order.currency())) {
      throw new InvalidEventException(
          "payment of "
              + paid.amountMinor()
              + " "
              + paid.currency()
              + " does not match the order total "
              + order.totalMinor()
              + " "
              + order.currency(),
          null);
    }
    Instant now = now();
    switch (order.status()) {
      case PENDING -> {
        if (!order.paymentReceived()) {
          orders.put(order.orderId().toString(), order.withPaymentReceived(now));
        }
      }
      case CONFIRMED ->
          storeEnded(order.withPaymentReceived(now).withStatus(OrderStatus.PAID, null, now), now);
      default -> {
        // PAID again is a duplicate. order-service takes a payment only for an order it sees
        // CONFIRMED, under the row lock its cancels and expiries take too, so no payment follows
        // a rejection or a release.
      }
    }
  }

  private void onLineResult(Record<byte[], byte[]> record) {
    LineResult result = LINE_RESULTS.read(record.value());
    OrderState order = existing(result.orderId());
    if (!keyOf(record).equals(result.orderId().toString())) {
      throw new InvalidEventException("line result key is not its orderId", null);
    }
    if (result.lineNo() < 0
        || result.lineNo() >= order.lines().size()
        || !order.lines().get(result.lineNo()).productId().equals(result.productId())
        || result.outcome() == LineStatus.PENDING
        || result.outcome() == LineStatus.RELEASED) {
      throw new InvalidEventException("line result does not match the order", null);
    }
    if (order.lineStatuses().get(result.lineNo()) != LineStatus.PENDING) {
      return; // Answered before, or released by a cancel while it was on its way.
    }
    Instant now = now();
    OrderState answered = order.withLineStatus(result.lineNo(), result.outcome(), now);
    if (answered.status() != OrderStatus.PENDING || !answered.allLinesAnswered()) {
      orders.put(answered.orderId().toString(), answered);
      return;
    }
    if (answered.allLinesReserved()) {
      confirm(answered, record, now);
    } else {
      reject(answered, record, now);
    }
  }

  private void confirm(OrderState order, Record<byte[], byte[]> record, Instant now) {
    // A payment that came first leaves nothing to wait for, so there is no deadline to enforce.
    Instant expiresAt = order.paymentReceived() ? null : now.plus(config.reservationTtl());
    if (order.paymentReceived()) {
      storeEnded(order.withStatus(OrderStatus.PAID, null, now), now);
    } else {
      orders.put(
          order.orderId().toString(), order.withStatus(OrderStatus.CONFIRMED, expiresAt, now));
    }
    publish(
        OrderConfirmed.TYPE,
        order.orderId(),
        new OrderConfirmed(order.orderId(), order.lines(), expiresAt),
        record);
  }

  private void reject(OrderState order, Record<byte[], byte[]> record, Instant now) {
    List<RejectedLine> lines = new ArrayList<>();
    boolean unknownProduct = false;
    for (int lineNo = 0; lineNo < order.lines().size(); lineNo++) {
      OrderLine line = order.lines().get(lineNo);
      RejectionReason reason = order.lineStatuses().get(lineNo).rejection();
      unknownProduct |= reason == RejectionReason.UNKNOWN_PRODUCT;
      lines.add(new RejectedLine(line.productId(), line.quantity(), reason));
    }
    OrderState released = releaseHeldLines(order, record, now);
    storeEnded(released.withStatus(OrderStatus.REJECTED, null, now), now);
    RejectionReason reason =
        unknownProduct ? RejectionReason.UNKNOWN_PRODUCT : RejectionReason.OUT_OF_STOCK;
    publish(
        OrderRejected.TYPE,
        order.orderId(),
        new OrderRejected(order.orderId(), reason, lines),
        record);
  }

  /**
   * Sends a release for every line that holds stock or may still get it (a reserve on its way is
   * ahead of the release in the product's partition, so the release always lands after it).
   */
  private OrderState releaseHeldLines(OrderState order, Record<?, ?> cause, Instant now) {
    OrderState next = order;
    for (int lineNo = 0; lineNo < order.lines().size(); lineNo++) {
      LineStatus status = order.lineStatuses().get(lineNo);
      if (status == LineStatus.RESERVED || status == LineStatus.PENDING) {
        OrderLine line = order.lines().get(lineNo);
        sendCommand(
            StockCommand.release(order.orderId(), lineNo, line.productId(), line.quantity()),
            cause);
        next = next.withLineStatus(lineNo, LineStatus.RELEASED, now);
      }
    }
    return next;
  }

  /**
   * Stores an order that has just become terminal and schedules it to be forgotten once {@code
   * terminalOrderRetention} has passed. Called once per order: statuses only move forward, and
   * every transition into a terminal status is guarded by the status before it.
   */
  private void storeEnded(OrderState order, Instant now) {
    String orderId = order.orderId().toString();
    orders.put(orderId, order);
    retention.put(
        retentionKey(now.plus(config.terminalOrderRetention()), order.orderId()), orderId);
  }

  /**
   * Forgets the terminal orders whose retention has passed, oldest first, at most {@link
   * #MAX_FORGOTTEN_PER_SCAN} per call: deletes the index entry and the order, and settles a paid
   * order's reserved lines. Publishes nothing; the order's decision went out when it ended.
   */
  private void forgetTerminalOrders(long wallClockMs) {
    String upTo = retentionKey(Instant.ofEpochMilli(wallClockMs), null);
    if (sweptUpTo.compareTo(upTo) > 0) {
      return; // The wall clock stepped back; nothing is due before it is past the last sweep again.
    }
    List<KeyValue<String, String>> due = new ArrayList<>();
    // Keys sort by time, so every due entry is in this range and the rest are after it. The bound
    // is checked again in case a store returns more than the range (see sweptUpTo).
    try (KeyValueIterator<String, String> it = retention.range(sweptUpTo, upTo)) {
      while (it.hasNext() && due.size() < MAX_FORGOTTEN_PER_SCAN) {
        KeyValue<String, String> entry = it.next();
        if (entry.key.compareTo(upTo) > 0) {
          break;
        }
        due.add(entry);
      }
    }
    for (KeyValue<String, String> entry : due) {
      retention.delete(entry.key);
      OrderState order = orders.get(entry.value);
      // Only terminal orders are indexed and statuses only move forward, so this always holds;
      // it is checked anyway because forgetting an open order would lose track of stock it holds.
      if (order != null && order.status().isTerminal()) {
        orders.delete(entry.value);
        if (order.status() == OrderStatus.PAID) {
          settleReservedLines(order, wallClockMs);
        }
      }
      sweptUpTo = entry.key;
    }
  }

  private void settleReservedLines(OrderState order, long wallClockMs) {
    for (int lineNo = 0; lineNo < order.lines().size(); lineNo++) {
      if (order.lineStatuses().get(lineNo) == LineStatus.RESERVED) {
        OrderLine line = order.lines().get(lineNo);
        sendCommand(
            StockCommand.settle(order.orderId(), lineNo, line.productId(), line.quantity()),
            wallClockMs,
            null);
      }
    }
  }

  /**
   * Keys of the retention index sort by time: the forget-at instant as 19-digit zero-padded epoch
   * millis, then the orderId. A null orderId gives the greatest key of that millisecond ({@code ~}
   * sorts after every UUID character), the upper bound of a scan.
   */
  static String retentionKey(Instant forgetAt, UUID orderId) {
    // Locale.ROOT: some locales format digits other than 0-9, which would not sort by time.
    return String.format(
        Locale.ROOT, "%019d/%s", forgetAt.toEpochMilli(), orderId == null ? "~" : orderId);
  }

  private void sendCommand(StockCommand command, Record<?, ?> cause) {
    sendCommand(command, cause.timestamp(), cause.headers());
  }

  /** {@code cause} null: a punctuation's command, in no request's trace. */
  private void sendCommand(StockCommand command, long timestamp, Headers cause) {
    context.forward(
        Outputs.internal(command.productId().toString(), command, timestamp, cause),
        OrderTopology.STOCK_COMMANDS_SINK);
  }

  private void publish(String type, UUID orderId, Object data, Record<?, ?> cause) {
    context.forward(
        Outputs.event(type, orderId.toString(), data, now(), cause.timestamp(), cause.headers()),
        OrderTopology.ORDER_STATUS_SINK);
  }

  private OrderState existing(UUID orderId) {
    OrderState order = orders.get(orderId.toString());
    if (order == null) {
      throw new InvalidEventException("no order " + orderId + " was placed", null);
    }
    return order;
  }

  private Instant now() {
    return Instant.ofEpochMilli(context.currentSystemTimeMs());
  }

  private static String keyOf(Record<byte[], byte[]> record) {
    if (record.key() == null) {
      throw new InvalidEventException("null key", null);
    }
    return new String(record.key(), StandardCharsets.UTF_8);
  }

  private static OrderPlaced validPlaced(EventEnvelope<OrderPlaced> envelope, String key) {
    OrderPlaced placed = envelope.data();
    requireAggregate(envelope, placed.orderId(), key);
    require(placed.userId() != null, "userId is missing");
    require(!placed.lines().isEmpty(), "an order needs at least one line");
    for (OrderLine line : placed.lines()) {
      require(line.productId() != null, "a line has no productId");
      require(line.quantity() > 0, "line quantity must be positive, was " + line.quantity());
      require(line.unitPriceMinor() >= 0, "unit price must not be negative");
    }
    require(placed.totalMinor() >= 0, "total must not be negative");
    require(
        placed.currency() != null && CURRENCY.matcher(placed.currency()).matches(),
        "currency must be an ISO 4217 code");
    return placed;
  }

  private static OrderCancelled validCancelled(EventEnvelope<OrderCancelled> envelope, String key) {
    requireAggregate(envelope, envelope.data().orderId(), key);
    return envelope.data();
  }

  private static OrderExpired validExpired(EventEnvelope<OrderExpired> envelope, String key) {
    requireAggregate(envelope, envelope.data().orderId(), key);
    return envelope.data();
  }

  private static OrderPaid validPaid(EventEnvelope<OrderPaid> envelope, String key) {
    OrderPaid paid = envelope.data();
    requireAggregate(envelope, paid.orderId(), key);
    require(paid.currency() != null, "currency is missing");
    return paid;
  }

  private static void requireAggregate(EventEnvelope<?> envelope, UUID orderId, String key) {
    require(orderId != null, "orderId is missing");
    require(
        key.equals(orderId.toString()) && envelope.aggregateId().equals(key),
        "record key, aggregateId and orderId must be the same order");
  }

  private static void require(boolean condition, String reason) {
    if (!condition) {
      throw new InvalidEventException(reason, null);
    }
  }

  static String describe(InvalidEventException e) {
    return e.getCause() == null ? e.getMessage() : e.getMessage() + ": " + rootMessage(e);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null) {
      return root.getClass().getSimpleName();
    }
    // Jackson messages can quote the whole input; a header only needs the gist.
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    return first.length() > 300 ? first.substring(0, 300) : first;
  }
}
