package dev.stockroom.orderstream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.orderstream.topology.OrderTopologyConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * How the benchmark writes its input. A record that is never written is an order that never gets a
 * decision, so the run must fail at once instead of waiting out its timeout for it.
 */
class BenchmarkInputTest {
  private static final OrderTopologyConfig TOPICS =
      new OrderTopologyConfig(
          "t.orders",
          "t.inventory",
          "t.order-status",
          "t.stock",
          "t.stock-commands",
          "t.line-results",
          "t.dlq",
          Duration.ofHours(1),
          OrderTopologyConfig.DEFAULT_TERMINAL_ORDER_RETENTION,
          OrderTopologyConfig.DEFAULT_TERMINAL_ORDER_SCAN_INTERVAL);

  private final Benchmark benchmark =
      new Benchmark(
          new Benchmark.Settings(
              "localhost:9092",
              20,
              0,
              1,
              3,
              3,
              2,
              (short) 1,
              Duration.ofMillis(100),
              Map.of(),
              Duration.ofSeconds(10)));

  @Test
  void failsWhenAnInputRecordCouldNotBeWritten() {
    MockProducer<String, String> producer =
        new MockProducer<>(false, null, new StringSerializer(), new StringSerializer()) {
          @Override
          public synchronized void flush() {
            // One batch expires, as a batch stuck out of sequence on a new partition does.
            completeNext();
            errorNext(new TimeoutException("Expiring 1 record(s): 120000 ms has passed"));
            while (completeNext()) {
              // the rest are written
            }
          }
        };

    assertThatThrownBy(() -> benchmark.writeInput(producer, TOPICS, 20))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("could not write 1 of 23 input records")
        .hasCauseInstanceOf(TimeoutException.class);
  }

  @Test
  void writesEveryStockLevelAndOrderAndCountsTheLines() {
    MockProducer<String, String> producer =
        new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());

    long lines = benchmark.writeInput(producer, TOPICS, 20);

    assertThat(producer.history()).hasSize(23);
    assertThat(producer.history().stream().filter(r -> r.topic().equals("t.orders"))).hasSize(20);
    assertThat(lines).isBetween(20L, 60L);
  }

  @Test
  void writesInputWithOneRequestInFlightSoARetriedFirstBatchCannotBeOvertaken() {
    assertThat(Benchmark.inputProducerConfig("localhost:9092"))
        .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1)
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
  }
}
