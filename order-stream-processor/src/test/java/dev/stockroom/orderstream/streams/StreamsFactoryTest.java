package dev.stockroom.orderstream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.events.Topics;
import dev.stockroom.orderstream.topology.OrderTopologyConfig;
import dev.stockroom.platform.kafka.KafkaFactory;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The Streams settings the guarantees rely on, and how metrics are named for Prometheus. */
class StreamsFactoryTest {
  private static final Validator VALIDATOR = Validators.newValidator();

  @Test
  void defaultsToExactlyOnceWithTransactionalStoresAndReadCommittedQueries() {
    Properties props = new StreamsFactory().streamsProperties(new KafkaFactory());

    assertThat(props)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true)
        .containsEntry(
            StreamsConfig.DEFAULT_INTERACTIVE_QUERY_ISOLATION_LEVEL_CONFIG, "READ_COMMITTED")
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "stockroom-order-stream")
        .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:8084");
  }

  @Test
  void freeFormPropertiesCannotWeakenTheGuarantees() {
    StreamsFactory factory = new StreamsFactory();
    factory.setProperties(
        Map.of(
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
            StreamsConfig.AT_LEAST_ONCE,
            StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG,
            "false",
            "max.poll.records",
            "250"));
    KafkaFactory kafka = new KafkaFactory();
    kafka.setBootstrapServers("broker-1:9092");
    kafka.setProperties(Map.of("security.protocol", "SSL"));

    Properties props = factory.streamsProperties(kafka);

    assertThat(props)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true)
        .containsEntry("max.poll.records", "250")
        .containsEntry("security.protocol", "SSL")
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9092");
  }

  @Test
  void theTopologyReadsThePublicTopicsAndNamesInternalOnesAfterTheApplication() {
    StreamsFactory factory = new StreamsFactory();
    factory.setApplicationId("orders-eu");
    factory.setReservationTtl(Duration.minutes(20));
    factory.setTerminalOrderRetention(Duration.days(30));
    factory.setTerminalOrderScanInterval(Duration.seconds(10));

    OrderTopologyConfig config = factory.topologyConfig();

    assertThat(config.ordersTopic()).isEqualTo(Topics.ORDERS);
    assertThat(config.orderStatusTopic()).isEqualTo(Topics.ORDER_STATUS);
    assertThat(config.stockCommandsTopic()).isEqualTo("orders-eu.stock-commands");
    assertThat(config.deadLetterTopic()).isEqualTo("orders-eu.dlq");
    assertThat(config.reservationTtl()).isEqualTo(java.time.Duration.ofMinutes(20));
    assertThat(config.terminalOrderRetention()).isEqualTo(java.time.Duration.ofDays(30));
    assertThat(config.terminalOrderScanInterval()).isEqualTo(java.time.Duration.ofSeconds(10));
  }

  @Test
  void terminalOrdersAreKeptTwoWeeksByDefault() {
    OrderTopologyConfig config = new StreamsFactory().topologyConfig();

    assertThat(config.terminalOrderRetention()).isEqualTo(java.time.Duration.ofDays(14));
    assertThat(config.terminalOrderScanInterval()).isEqualTo(java.time.Duration.ofSeconds(1));
    assertThat(VALIDATOR.validate(new StreamsFactory())).isEmpty();
  }

  @Test
  void aTerminalOrderRetentionUnderAnHourIsRefused() {
    StreamsFactory factory = new StreamsFactory();
    factory.setTerminalOrderRetention(Duration.minutes(59));
    factory.setTerminalOrderScanInterval(Duration.milliseconds(500));

    assertThat(VALIDATOR.validate(factory))
        .extracting(violation -> violation.getPropertyPath().toString())
        .containsExactlyInAnyOrder("terminalOrderRetention", "terminalOrderScanInterval");
  }

  @Test
  void rocksDbMemoryIsBoundedBySettingsFromYaml() {
    StreamsFactory factory = new StreamsFactory();
    factory.setRocksDbMemory(DataSize.mebibytes(96));
    factory.setRocksDbMemtableMemory(DataSize.mebibytes(24));
    factory.setProperties(Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "x.Unbounded"));

    Properties props = factory.streamsProperties(new KafkaFactory());

    assertThat(props)
        .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class)
        .containsEntry(BoundedRocksDbMemory.TOTAL_BYTES, 96L * 1024 * 1024)
        .containsEntry(BoundedRocksDbMemory.MEMTABLE_BYTES, 24L * 1024 * 1024);
  }

  @Test
  void theRestoreConsumerWaitsBrieflyOnAnEmptyFetchButTheMainConsumerKeepsKafkasDefault() {
    StreamsFactory factory = new StreamsFactory();
    StreamsConfig byDefault = new StreamsConfig(factory.streamsProperties(new KafkaFactory()));
    factory.setRestoreFetchMaxWait(Duration.milliseconds(20));
    StreamsConfig fromYaml = new StreamsConfig(factory.streamsProperties(new KafkaFactory()));

    assertThat(byDefault.getRestoreConsumerConfigs("c"))
        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    assertThat(fromYaml.getRestoreConsumerConfigs("c"))
        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    assertThat(fromYaml.getMainConsumerConfigs("g", "c", 0))
        .doesNotContainKey(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
    factory.setRestoreFetchMaxWait(Duration.minutes(2));
    assertThat(VALIDATOR.validate(factory))
        .extracting(violation -> violation.getPropertyPath().toString())
        .containsExactly("restoreFetchMaxWait");
  }

  @Test
  void memtablesTakingTheWholeRocksDbBudgetAreRefused() {
    StreamsFactory factory = new StreamsFactory();
    factory.setRocksDbMemory(DataSize.mebibytes(32));
    factory.setRocksDbMemtableMemory(DataSize.mebibytes(32));

    assertThat(VALIDATOR.validate(factory))
        .extracting(violation -> violation.getMessage())
        .containsExactly("rocksDbMemtableMemory must be less than rocksDbMemory");
  }

  @Test
  void metricNamesAreUniqueOncePrometheusSanitisesThem() {
    MetricName lag =
        new MetricName(
            "records-lag",
            "consumer-fetch-manager-metrics",
            "",
            Map.of(
                "client-id", "app-order-stream-StreamThread-1-consumer",
                "topic", "inventory.v1",
                "partition", "0"));

    assertThat(StreamsMetricsBridge.nameOf(lag, "app-order-stream"))
        .isEqualTo(
            "kafka_streams_consumer_fetch_manager_metrics_records_lag"
                + "_client_id_StreamThread_1_consumer_partition_0_topic_inventory_v1");
  }
}
