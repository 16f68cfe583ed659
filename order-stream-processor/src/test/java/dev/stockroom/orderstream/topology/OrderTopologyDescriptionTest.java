package dev.stockroom.orderstream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** The shape of the topology: names operators rely on in metrics, changelogs and runbooks. */
class OrderTopologyDescriptionTest {
  private final OrderTopologyConfig config = OrderTopologyConfig.defaults();

  @Test
  void hasAnOrderSubtopologyAndAStockSubtopology() {
    TopologyDescription description = OrderTopology.build(config).describe();

    assertThat(description.subtopologies()).hasSize(2);
    assertThat(description.globalStores()).isEmpty();
    Set<Set<String>> nodes = new HashSet<>();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      Set<String> names = new HashSet<>();
      sub.nodes().forEach(n -> names.add(n.name()));
      nodes.add(names);
    }
    assertThat(nodes)
        .containsExactlyInAnyOrder(
            Set.of(
                OrderTopology.ORDERS_SOURCE,
                OrderTopology.LINE_RESULTS_SOURCE,
                OrderTopology.ORDER_PROCESSOR,
                OrderTopology.STOCK_COMMANDS_SINK,
                OrderTopology.ORDER_STATUS_SINK,
                OrderTopology.ORDER_DLQ_SINK),
            Set.of(
                OrderTopology.INVENTORY_SOURCE,
                OrderTopology.STOCK_COMMANDS_SOURCE,
                OrderTopology.STOCK_PROCESSOR,
                OrderTopology.LINE_RESULTS_SINK,
                OrderTopology.STOCK_VIEW_SINK,
                OrderTopology.STOCK_DLQ_SINK));
  }

  @Test
  void eachProcessorOwnsItsNamedStores() {
    Map<String, Set<String>> stores = new HashMap<>();
    for (TopologyDescription.Subtopology sub :
        OrderTopology.build(config).describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Processor processor) {
          stores.put(processor.name(), processor.stores());
        }
      }
    }

    assertThat(stores)
        .containsOnly(
            entry(
                OrderTopology.ORDER_PROCESSOR,
                Set.of(OrderTopology.ORDER_STATE_STORE, OrderTopology.ORDER_RETENTION_STORE)),
            entry(
                OrderTopology.STOCK_PROCESSOR,
                Set.of(OrderTopology.STOCK_STORE, OrderTopology.STOCK_RESERVATIONS_STORE)));
  }

  @Test
  void readsAndWritesOnlyTheConfiguredTopics() {
    String text = OrderTopology.build(config).describe().toString();

    assertThat(text)
        .contains(
            "topics: [orders.v1]",
            "topics: [inventory.v1]",
            "topics: [stockroom-order-stream.stock-commands]",
            "topics: [stockroom-order-stream.line-results]",
            "topic: order-status.v1",
            "topic: stock.v1",
            "topic: stockroom-order-stream.dlq")
        .as("no generated names, no hidden repartition topics")
        .doesNotContain("KSTREAM-", "KTABLE-", "repartition");
  }

  @Test
  void buildingTwiceGivesTheSameTopology() {
    assertThat(OrderTopology.build(config).describe())
        .isEqualTo(OrderTopology.build(config).describe());
  }

  @Test
  void configRejectsSharedTopicNamesAndNonPositiveDurations() {
    assertThatThrownBy(
            () ->
                OrderTopologyConfig.withInternalPrefix("orders").withReservationTtl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withTerminalOrderRetention(Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("terminalOrderRetention");
    assertThatThrownBy(() -> config.withTerminalOrderScanInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("terminalOrderScanInterval");
    assertThatThrownBy(
            () ->
                new OrderTopologyConfig(
                    "a",
                    "b",
                    "c",
                    "d",
                    "e",
                    "e",
                    "f",
                    Duration.ofMinutes(1),
                    Duration.ofDays(14),
                    Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("own name");
  }
}
