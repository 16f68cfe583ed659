package dev.stockroom.orderstream.topology;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The stream processor's topology: stock reservation for orders, the stock view and the
 * order-status view. {@link #build} is a pure function of its config: it reads no environment and
 * starts nothing.
 *
 * <pre>
 *  orders.v1 ──────────┐                                    ┌──────────── inventory.v1
 *                      ▼                                    ▼
 *  line-results ──▶ order-processor ──stock-commands──▶ stock-processor ──▶ stock.v1
 *        ▲         [order-state,                       [stock, stock-reservations]
 *        │          order-retention]                         │
 *        │               │        │                          │      │
 *        │               ▼        ▼                          │      ▼
 *        │     order-status.v1   dlq                         │     dlq
 *        └───────────────────────────────────────────────────┘
 * </pre>
 *
 * The two sides form a cycle (orders ask stock, stock answers orders, orders release stock), which
 * Kafka Streams' managed repartition topics cannot express; the two internal topics are therefore
 * plain topics named in the config, and must be created with as many partitions as the input they
 * are co-partitioned with (stock-commands with inventory.v1, line-results with orders.v1).
 *
 * <p>Every source reads raw bytes and every processor parses them itself, so a record that cannot
 * be read goes to the dead-letter topic instead of stopping the application. Stores are RocksDB
 * with changelogs ({@code <application.id>-<store>-changelog}) and no record cache, so a query
 * reads the store, not a cache of uncommitted writes.
 */
public final class OrderTopology {
  public static final String ORDERS_SOURCE = "orders-source";
  public static final String LINE_RESULTS_SOURCE = "line-results-source";
  public static final String INVENTORY_SOURCE = "inventory-source";
  public static final String STOCK_COMMANDS_SOURCE = "stock-commands-source";

  public static final String ORDER_PROCESSOR = "order-processor";
  public static final String STOCK_PROCESSOR = "stock-processor";

  public static final String STOCK_COMMANDS_SINK = "stock-commands-sink";
  public static final String ORDER_STATUS_SINK = "order-status-sink";
  public static final String ORDER_DLQ_SINK = "order-dead-letter-sink";
  public static final String LINE_RESULTS_SINK = "line-results-sink";
  public static final String STOCK_VIEW_SINK = "stock-view-sink";
  public static final String STOCK_DLQ_SINK = "stock-dead-letter-sink";

  /** orderId → {@link OrderState}; serves the order-status view. */
  public static final String ORDER_STATE_STORE = "order-state";

  /**
   * {@code <forget-at epoch millis, 19 digits>/<orderId>} → orderId, one per terminal order, in the
   * order they are due to be forgotten; the order processor's retention sweep reads it.
   */
  public static final String ORDER_RETENTION_STORE = "order-retention";

  /** productId → {@link StockState}; serves the stock view. */
  public static final String STOCK_STORE = "stock";

  /** {@code <productId>/<orderId>/<lineNo>} → reserved quantity, one per held reservation. */
  public static final String STOCK_RESERVATIONS_STORE = "stock-reservations";

  private OrderTopology() {}

  /** The whole topology: order side and stock side. */
  public static Topology build(OrderTopologyConfig config) {
    Topology topology = new Topology();
    addOrderSide(topology, config);
    addStockSide(topology, config);
    return topology;
  }

  /**
   * The order side alone. Tests use it to play the stock side by hand, which is the only way to
   * hold an order undecided: in the whole topology the test driver answers every line at once.
   */
  static Topology addOrderSide(Topology topology, OrderTopologyConfig config) {
    ByteArrayDeserializer bytesIn = new ByteArrayDeserializer();
    StringSerializer stringOut = new StringSerializer();
    topology
        .addSource(ORDERS_SOURCE, bytesIn, bytesIn, config.ordersTopic())
        .addSource(LINE_RESULTS_SOURCE, bytesIn, bytesIn, config.lineResultsTopic())
        .addProcessor(
            ORDER_PROCESSOR, () -> new OrderProcessor(config), ORDERS_SOURCE, LINE_RESULTS_SOURCE)
        .addStateStore(
            store(ORDER_STATE_STORE, InternalJson.of(OrderState.class).serde()), ORDER_PROCESSOR)
        .addStateStore(store(ORDER_RETENTION_STORE, Serdes.String()), ORDER_PROCESSOR)
        .addSink(
            STOCK_COMMANDS_SINK,
            config.stockCommandsTopic(),
            stringOut,
            InternalJson.of(StockCommand.class).serializer(),
            ORDER_PROCESSOR)
        .addSink(
            ORDER_STATUS_SINK, config.orderStatusTopic(), stringOut, stringOut, ORDER_PROCESSOR)
        .addSink(
            ORDER_DLQ_SINK,
            config.deadLetterTopic(),
            new ByteArraySerializer(),
            new ByteArraySerializer(),
            ORDER_PROCESSOR);
    return topology;
  }

  /** The stock side alone; see {@link #addOrderSide}. */
  static Topology addStockSide(Topology topology, OrderTopologyConfig config) {
    ByteArrayDeserializer bytesIn = new ByteArrayDeserializer();
    StringSerializer stringOut = new StringSerializer();
    topology
        .addSource(INVENTORY_SOURCE, bytesIn, bytesIn, config.inventoryTopic())
        .addSource(STOCK_COMMANDS_SOURCE, bytesIn, bytesIn, config.stockCommandsTopic())
        .addProcessor(
            STOCK_PROCESSOR,
            () -> new StockProcessor(config),
            INVENTORY_SOURCE,
            STOCK_COMMANDS_SOURCE)
        .addStateStore(
            store(STOCK_STORE, InternalJson.of(StockState.class).serde()), STOCK_PROCESSOR)
        .addStateStore(
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(STOCK_RESERVATIONS_STORE),
                    Serdes.String(),
                    Serdes.Long())
                .withCachingDisabled(),
            STOCK_PROCESSOR)
        .addSink(
            LINE_RESULTS_SINK,
            config.lineResultsTopic(),
            stringOut,
            InternalJson.of(LineResult.class).serializer(),
            STOCK_PROCESSOR)
        .addSink(STOCK_VIEW_SINK, config.stockTopic(), stringOut, stringOut, STOCK_PROCESSOR)
        .addSink(
            STOCK_DLQ_SINK,
            config.deadLetterTopic(),
            new ByteArraySerializer(),
            new ByteArraySerializer(),
            STOCK_PROCESSOR);
    return topology;
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> store(
      String name, Serde<V> valueSerde) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
        .withCachingDisabled();
  }
}
