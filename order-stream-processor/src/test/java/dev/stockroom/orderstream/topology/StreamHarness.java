package dev.stockroom.orderstream.topology;

import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventHeaders;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.OrderCancelled;
import dev.stockroom.events.OrderConfirmed;
import dev.stockroom.events.OrderExpired;
import dev.stockroom.events.OrderLine;
import dev.stockroom.events.OrderPaid;
import dev.stockroom.events.OrderPlaced;
import dev.stockroom.events.OrderRejected;
import dev.stockroom.events.OrderReleased;
import dev.stockroom.events.StockLevelSet;
import dev.stockroom.events.StockView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A {@link TopologyTestDriver} around the topology under exactly_once_v2, speaking in events: it
 * writes order and inventory events the way order-service and product-service do, and collects
 * every decision, stock view and dead letter the topology writes.
 */
final class StreamHarness implements AutoCloseable {
  static final Instant START = Instant.parse("2026-11-28T12:00:00Z");
  static final UUID CUSTOMER = UUID.fromString("0b8f1e2d-3c4a-4b5c-9d6e-7f8091a2b3c4");
  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  final OrderTopologyConfig config;
  final TopologyTestDriver driver;
  private final TestInputTopic<String, String> orders;
  private final TestInputTopic<String, String> inventory;
  private final TestInputTopic<byte[], byte[]> rawOrders;
  private final TestInputTopic<byte[], byte[]> rawInventory;
  private final TestOutputTopic<String, String> statusOut;
  private final TestOutputTopic<String, String> stockOut;
  private final TestOutputTopic<byte[], byte[]> deadLetterOut;
  private final TestInputTopic<String, LineResult> lineResultsIn;
  private final TestInputTopic<String, StockCommand> stockCommandsIn;
  private final TestOutputTopic<String, StockCommand> stockCommandsOut;
  private final TestOutputTopic<String, LineResult> lineResultsOut;
  private final Map<UUID, OrderPlaced> placed = new HashMap<>();
  private Instant wallClock = START;

  /** Every record the topology wrote so far, in order. */
  final List<TestRecord<String, String>> statusRecords = new ArrayList<>();

  final List<StockView> views = new ArrayList<>();
  final List<TestRecord<byte[], byte[]>> deadLetters = new ArrayList<>();

  private StreamHarness(Topology topology, OrderTopologyConfig config, Path stateDir) {
    this.config = config;
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-stream-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    // As in production (StreamsFactory): stores stage writes until their transaction commits.
    props.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true);
    this.driver = new TopologyTestDriver(topology, props, START);
    StringSerializer strings = new StringSerializer();
    ByteArraySerializer bytes = new ByteArraySerializer();
    this.orders = driver.createInputTopic(config.ordersTopic(), strings, strings);
    this.inventory = driver.createInputTopic(config.inventoryTopic(), strings, strings);
    this.rawOrders = driver.createInputTopic(config.ordersTopic(), bytes, bytes);
    this.rawInventory = driver.createInputTopic(config.inventoryTopic(), bytes, bytes);
    StringDeserializer stringsIn = new StringDeserializer();
    this.statusOut = driver.createOutputTopic(config.orderStatusTopic(), stringsIn, stringsIn);
    this.stockOut = driver.createOutputTopic(config.stockTopic(), stringsIn, stringsIn);
    ByteArrayDeserializer bytesIn = new ByteArrayDeserializer();
    this.deadLetterOut = driver.createOutputTopic(config.deadLetterTopic(), bytesIn, bytesIn);
    this.lineResultsIn =
        driver.createInputTopic(
            config.lineResultsTopic(), strings, InternalJson.of(LineResult.class).serializer());
    this.stockCommandsIn =
        driver.createInputTopic(
            config.stockCommandsTopic(), strings, InternalJson.of(StockCommand.class).serializer());
    this.stockCommandsOut =
        driver.createOutputTopic(
            config.stockCommandsTopic(),
            stringsIn,
            InternalJson.of(StockCommand.class).deserializer());
    this.lineResultsOut =
        driver.createOutputTopic(
            config.lineResultsTopic(), stringsIn, InternalJson.of(LineResult.class).deserializer());
  }

  /** The whole topology with a 10-minute reservation TTL. */
  static StreamHarness whole(Path stateDir) {
    return whole(stateDir, defaultConfig());
  }

  static StreamHarness whole(Path stateDir, OrderTopologyConfig config) {
    return new StreamHarness(OrderTopology.build(config), config, stateDir);
  }

  /**
   * Only the order side: the test plays the stock side by writing line results, so an order can be
   * held undecided while other events arrive.
   */
  static StreamHarness orderSideOnly(Path stateDir) {
    OrderTopologyConfig config = defaultConfig();
    return new StreamHarness(OrderTopology.addOrderSide(new Topology(), config), config, stateDir);
  }

  /** Only the stock side: the test plays the order side by writing stock commands. */
  static StreamHarness stockSideOnly(Path stateDir) {
    OrderTopologyConfig config = defaultConfig();
    return new StreamHarness(OrderTopology.addStockSide(new Topology(), config), config, stateDir);
  }

  static OrderTopologyConfig defaultConfig() {
    return OrderTopologyConfig.defaults().withReservationTtl(Duration.ofMinutes(10));
  }

  // ---- inputs ----

  void stockLevel(UUID product, long onHand, long version) {
    pipeInventory(
        product.toString(),
        EventJson.write(
            EventEnvelope.of(
                StockLevelSet.TYPE,
                product.toString(),
                new StockLevelSet(product, onHand, version))));
  }

  /** Places an order for the lines (unit price 100 each) and returns its envelope's JSON. */
  String place(UUID orderId, OrderLine... lines) {
    long total = Arrays.stream(lines).mapToLong(l -> l.quantity() * l.unitPriceMinor()).sum();
    OrderPlaced event = new OrderPlaced(orderId, CUSTOMER, List.of(lines), total, "EUR");
    placed.put(orderId, event);
    String json = EventJson.write(EventEnvelope.of(OrderPlaced.TYPE, orderId.toString(), event));
    pipeOrder(orderId.toString(), json);
    return json;
  }

  String cancel(UUID orderId) {
    String json =
        EventJson.write(
            EventEnvelope.of(
                OrderCancelled.TYPE, orderId.toString(), new OrderCancelled(orderId, CUSTOMER)));
    pipeOrder(orderId.toString(), json);
    return json;
  }

  /** Ends the order the way order-service's sweeper does once its payment deadline passed. */
  String expire(UUID orderId) {
    String json =
        EventJson.write(
            EventEnvelope.of(
                OrderExpired.TYPE, orderId.toString(), new OrderExpired(orderId, CUSTOMER)));
    pipeOrder(orderId.toString(), json);
    return json;
  }

  String pay(UUID orderId) {
    OrderPlaced order = placed.get(orderId);
    String json =
        EventJson.write(
            EventEnvelope.of(
                OrderPaid.TYPE,
                orderId.toString(),
                new OrderPaid(orderId, CUSTOMER, UUID.randomUUID(), order.totalMinor(), "EUR")));
    pipeOrder(orderId.toString(), json);
    return json;
  }

  /** Writes an order-topic record the way the outbox relay does: eventId and trace headers. */
  void pipeOrder(String key, String json) {
    orders.pipeInput(new TestRecord<>(key, json, headersFor(json), START));
  }

  void pipeInventory(String key, String json) {
    inventory.pipeInput(new TestRecord<>(key, json, headersFor(json), START));
  }

  void pipeRawOrder(byte[] key, byte[] value) {
    rawOrders.pipeInput(key, value);
  }

  void pipeRawInventory(byte[] key, byte[] value) {
    rawInventory.pipeInput(key, value);
  }

  /** Answers a reserve command the way the stock side would (order side only). */
  void lineResult(UUID orderId, int lineNo, UUID product, int quantity, LineStatus outcome) {
    lineResultsIn.pipeInput(
        orderId.toString(), new LineResult(orderId, lineNo, product, quantity, outcome));
  }

  /** Sends a command the way the order side would (stock side only). */
  void command(StockCommand command) {
    stockCommandsIn.pipeInput(command.productId().toString(), command);
  }

  /** Every stock command the order side wrote since the last call. */
  List<StockCommand> stockCommands() {
    return stockCommandsOut.readValuesToList();
  }

  /** Every line result the stock side wrote since the last call. */
  List<LineResult> lineResults() {
    return lineResultsOut.readValuesToList();
  }

  void advance(Duration duration) {
    driver.advanceWallClockTime(duration);
    wallClock = wallClock.plus(duration);
  }

  /** The driver's mocked wall clock, which the processor reads as now. */
  Instant now() {
    return wallClock;
  }

  static OrderLine line(UUID product, int quantity) {
    return new OrderLine(product, quantity, 100);
  }

  private static RecordHeaders headersFor(String json) {
    RecordHeaders headers = new RecordHeaders();
    String eventId;
    try {
      eventId = EventJson.mapper().readTree(json).path("eventId").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    headers.add(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
    headers.add(EventHeaders.TRACEPARENT, TRACEPARENT.getBytes(StandardCharsets.UTF_8));
    return headers;
  }

  // ---- outputs ----

  /** The data of every status event for the order, oldest first. */
  List<Object> decisions(UUID orderId) {
    drain();
    List<Object> result = new ArrayList<>();
    for (TestRecord<String, String> record : statusRecords) {
      if (record.key().equals(orderId.toString())) {
        result.add(statusData(record.value()));
      }
    }
    return result;
  }

  /** The data of every status event, oldest first. */
  List<Object> allDecisions() {
    drain();
    return statusRecords.stream().map(r -> statusData(r.value())).toList();
  }

  List<StockView> views(UUID product) {
    drain();
    return views.stream().filter(v -> v.productId().equals(product)).toList();
  }

  StockView lastView(UUID product) {
    List<StockView> all = views(product);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  List<TestRecord<byte[], byte[]>> deadLetters() {
    drain();
    return deadLetters;
  }

  OrderState order(UUID orderId) {
    KeyValueStore<String, OrderState> store =
        driver.getKeyValueStore(OrderTopology.ORDER_STATE_STORE);
    return store.get(orderId.toString());
  }

  /** The keys of the retention index, in the order the sweep reads them. */
  List<String> retentionIndex() {
    KeyValueStore<String, String> store =
        driver.getKeyValueStore(OrderTopology.ORDER_RETENTION_STORE);
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, String> it = store.all()) {
      it.forEachRemaining(entry -> keys.add(entry.key));
    }
    return keys;
  }

  StockState stock(UUID product) {
    KeyValueStore<String, StockState> store = driver.getKeyValueStore(OrderTopology.STOCK_STORE);
    return store.get(product.toString());
  }

  /** Sum of the held reservations of the product, read from the reservations store. */
  long heldReservations(UUID product) {
    KeyValueStore<String, Long> store =
        driver.getKeyValueStore(OrderTopology.STOCK_RESERVATIONS_STORE);
    long sum = 0;
    try (KeyValueIterator<String, Long> it =
        store.prefixScan(product + "/", new StringSerializer())) {
      while (it.hasNext()) {
        KeyValue<String, Long> entry = it.next();
        sum += entry.value;
      }
    }
    return sum;
  }

  /** The dead-letter count of a processor, from the metric an operator would read. */
  double deadLetterCount(String processor) {
    for (Map.Entry<MetricName, ? extends Metric> entry : driver.metrics().entrySet()) {
      MetricName name = entry.getKey();
      if (name.name().equals("dead-letter-total")
          && name.group().equals("stream-stockroom-metrics")
          && processor.equals(name.tags().get("stockroom-id"))) {
        return ((Number) entry.getValue().metricValue()).doubleValue();
      }
    }
    return 0;
  }

  private void drain() {
    statusRecords.addAll(statusOut.readRecordsToList());
    for (String json : stockOut.readValuesToList()) {
      views.add(EventJson.read(json, StockView.class).data());
    }
    deadLetters.addAll(deadLetterOut.readRecordsToList());
  }

  static Object statusData(String json) {
    String type = EventJson.typeOf(json);
    return switch (type) {
      case OrderConfirmed.TYPE -> EventJson.read(json, OrderConfirmed.class).data();
      case OrderRejected.TYPE -> EventJson.read(json, OrderRejected.class).data();
      case OrderReleased.TYPE -> EventJson.read(json, OrderReleased.class).data();
      default -> throw new AssertionError("unexpected status event " + type);
    };
  }

  @Override
  public void close() {
    driver.close();
  }
}
