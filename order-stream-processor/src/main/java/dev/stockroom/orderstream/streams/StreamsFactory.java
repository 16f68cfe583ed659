package dev.stockroom.orderstream.streams;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.orderstream.topology.OrderTopology;
import dev.stockroom.orderstream.topology.OrderTopologyConfig;
import dev.stockroom.platform.kafka.KafkaFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The Kafka Streams application from YAML (key {@code streams}); the cluster address and client
 * security settings come from the {@code kafka} section.
 *
 * <pre>
 * streams:
 *   applicationId: stockroom-order-stream   # group id and prefix of changelog topics
 *   stateDir: var/order-stream-processor/state
 *   streamThreads: 1
 *   standbyReplicas: 0                      # production: 1
 *   replicationFactor: 1                    # changelogs and internal topics; production: 3
 *   commitInterval: 100ms                   # the EOS transaction length
 *   processingGuarantee: exactly_once_v2    # at_least_once only for the benchmark
 *   reservationTtl: 15m                     # time to pay; order-service enforces it
 *   terminalOrderRetention: 14d             # how long an ended order stays in order-state
 *   terminalOrderScanInterval: 1s           # how often ended orders past it are forgotten
 *   applicationServer: localhost:8084       # this instance's API address, for query forwarding
 *   internalTopicRetention: 7d
 *   rocksDbMemory: 64MiB                    # block cache + memtables of every store, shared
 *   rocksDbMemtableMemory: 16MiB            # the memtables' part of it
 *   closeTimeout: 30s
 *   startRetryInterval: 5s
 *   restoreFetchMaxWait: 100ms              # the restore consumer's fetch.max.wait.ms
 *   properties: {}                          # any other StreamsConfig setting
 * </pre>
 */
public class StreamsFactory {
  @NotEmpty private String applicationId = OrderTopologyConfig.DEFAULT_INTERNAL_PREFIX;

  @NotEmpty private String stateDir = "var/order-stream-processor/state";

  @Min(1)
  private int streamThreads = 1;

  @Min(0)
  private int standbyReplicas = 0;

  @Min(1)
  private int replicationFactor = 1;

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration commitInterval = Duration.milliseconds(100);

  @NotNull
  @Pattern(regexp = "exactly_once_v2|at_least_once")
  private String processingGuarantee = StreamsConfig.EXACTLY_ONCE_V2;

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration reservationTtl = Duration.minutes(15);

  /**
   * How long a PAID, REJECTED, CANCELLED or EXPIRED order stays in {@code order-state}, where it
   * answers the status view and makes a duplicate order event change nothing. It must outlast the
   * latest a duplicate can arrive: the outbox re-sends within minutes, {@code orders.v1} keeps a
   * record for 7 days. An hour is the floor so a typo (say {@code 14m}) cannot undo the guard.
   */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.HOURS)
  private Duration terminalOrderRetention = Duration.days(14);

  /**
   * How often each task forgets the ended orders past their retention. One scan forgets at most
   * 1,000, so this sets how fast a task can forget: one second keeps up with 1,000 ended orders a
   * second.
   */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration terminalOrderScanInterval = Duration.seconds(1);

  @NotNull
  @Pattern(regexp = "[^:]+:\\d+", message = "must be host:port")
  private String applicationServer = "localhost:8084";

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.HOURS)
  private Duration internalTopicRetention = Duration.days(7);

  /**
   * Native memory for RocksDB, block cache and memtables together, shared by every store and
   * partition of this process ({@link BoundedRocksDbMemory}). The stores hold small records (an
   * order, a stock level), so a modest cache keeps the hot set of a busy instance.
   */
  @NotNull
  @MinDataSize(value = 1, unit = DataSizeUnit.MEBIBYTES)
  private DataSize rocksDbMemory = DataSize.mebibytes(64);

  /** The memtables' share of {@link #rocksDbMemory}; a write past it flushes its store's. */
  @NotNull
  @MinDataSize(value = 1, unit = DataSizeUnit.MEBIBYTES)
  private DataSize rocksDbMemtableMemory = DataSize.mebibytes(16);

  @NotNull private Duration closeTimeout = Duration.seconds(30);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration startRetryInterval = Duration.seconds(5);

  /**
   * How long the broker holds a restoring fetch that finds nothing new. Restoration reads each
   * changelog to its end, and the last fetch of each round finds nothing: at Kafka's default of 500
   * ms a local restart with the stores on disk took 4.6 s to healthy, at 100 ms 3.8 s (five
   * alternating restarts each). The restore consumer also keeps standby replicas current, so this
   * is not zero: an idle standby costs one fetch per wait.
   */
  @NotNull
  @MaxDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration restoreFetchMaxWait = Duration.milliseconds(100);

  @NotNull private Map<String, String> properties = new LinkedHashMap<>();

  /** The topology's settings: public topics from {@code events}, internal ones under the id. */
  public OrderTopologyConfig topologyConfig() {
    return OrderTopologyConfig.withInternalPrefix(applicationId)
        .withReservationTtl(reservationTtl.toJavaDuration())
        .withTerminalOrderRetention(terminalOrderRetention.toJavaDuration())
        .withTerminalOrderScanInterval(terminalOrderScanInterval.toJavaDuration());
  }

  /**
   * The StreamsConfig. Free-form {@code properties} go first so the settings below, which the
   * guarantees depend on, cannot be overridden by accident.
   */
  public Properties streamsProperties(KafkaFactory kafka) {
    Properties props = new Properties();
    props.putAll(kafka.getProperties());
    props.putAll(properties);
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.CLIENT_ID_CONFIG, clientId(kafka));
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMilliseconds());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    props.put(BoundedRocksDbMemory.TOTAL_BYTES, rocksDbMemory.toBytes());
    props.put(BoundedRocksDbMemory.MEMTABLE_BYTES, rocksDbMemtableMemory.toBytes());
    props.put(
        StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG),
        (int) restoreFetchMaxWait.toMilliseconds());
    // Stores stage a transaction's writes and apply them when its changelog commits, so a
    // read-committed query never sees an aborted write, and a crash no longer wipes the stores.
    props.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true);
    props.put(
        StreamsConfig.DEFAULT_INTERACTIVE_QUERY_ISOLATION_LEVEL_CONFIG,
        IsolationLevel.READ_COMMITTED.name());
    return props;
  }

  /**
   * Registers the Kafka Streams application: the managed lifecycle, health check {@code streams},
   * Kafka Streams metrics in the metric registry, and the admin endpoints {@code /topology} and
   * {@code /alive}.
   */
  public ManagedStreams build(Environment environment, KafkaFactory kafka) {
    OrderTopologyConfig topologyConfig = topologyConfig();
    ManagedStreams streams =
        new ManagedStreams(
            OrderTopology.build(topologyConfig),
            streamsProperties(kafka),
            HostInfo.buildFromEndpoint(applicationServer),
            new InternalTopics(
                topologyConfig, replicationFactor, internalTopicRetention.toJavaDuration()),
            kafka::newAdmin,
            closeTimeout.toJavaDuration(),
            startRetryInterval.toJavaDuration());
    environment.lifecycle().manage(streams);
    environment.healthChecks().register("streams", new StreamsHealthCheck(streams));
    environment
        .lifecycle()
        .manage(new StreamsMetricsBridge(streams, environment.metrics(), clientId(kafka)));
    AdminServlets.register(environment, streams);
    return streams;
  }

  @ValidationMethod(message = "rocksDbMemtableMemory must be less than rocksDbMemory")
  @JsonIgnore
  public boolean isMemtableMemoryWithinTotal() {
    return rocksDbMemtableMemory.toBytes() < rocksDbMemory.toBytes();
  }

  private static String clientId(KafkaFactory kafka) {
    return kafka.getClientId() + "-order-stream";
  }

  @JsonProperty
  public DataSize getRocksDbMemory() {
    return rocksDbMemory;
  }

  @JsonProperty
  public void setRocksDbMemory(DataSize rocksDbMemory) {
    this.rocksDbMemory = rocksDbMemory;
  }

  @JsonProperty
  public DataSize getRocksDbMemtableMemory() {
    return rocksDbMemtableMemory;
  }

  @JsonProperty
  public void setRocksDbMemtableMemory(DataSize rocksDbMemtableMemory) {
    this.rocksDbMemtableMemory = rocksDbMemtableMemory;
  }

  @JsonProperty
  public String getApplicationId() {
    return applicationId;
  }

  @JsonProperty
  public void setApplicationId(String applicationId) {
    this.applicationId = applicationId;
  }

  @JsonProperty
  public String getStateDir() {
    return stateDir;
  }

  @JsonProperty
  public void setStateDir(String stateDir) {
    this.stateDir = stateDir;
  }

  @JsonProperty
  public int getStreamThreads() {
    return streamThreads;
  }

  @JsonProperty
  public void setStreamThreads(int streamThreads) {
    this.streamThreads = streamThreads;
  }

  @JsonProperty
  public int getStandbyReplicas() {
    return standbyReplicas;
  }

  @JsonProperty
  public void setStandbyReplicas(int standbyReplicas) {
    this.standbyReplicas = standbyReplicas;
  }

  @JsonProperty
  public int getReplicationFactor() {
    return replicationFactor;
  }

  @JsonProperty
  public void setReplicationFactor(int replicationFactor) {
    this.replicationFactor = replicationFactor;
  }

  @JsonProperty
  public Duration getCommitInterval() {
    return commitInterval;
  }

  @JsonProperty
  public void setCommitInterval(Duration commitInterval) {
    this.commitInterval = commitInterval;
  }

  @JsonProperty
  public String getProcessingGuarantee() {
    return processingGuarantee;
  }

  @JsonProperty
  public void setProcessingGuarantee(String processingGuarantee) {
    this.processingGuarantee = processingGuarantee;
  }

  @JsonProperty
  public Duration getReservationTtl() {
    return reservationTtl;
  }

  @JsonProperty
  public void setReservationTtl(Duration reservationTtl) {
    this.reservationTtl = reservationTtl;
  }

  @JsonProperty
  public Duration getTerminalOrderRetention() {
    return terminalOrderRetention;
  }

  @JsonProperty
  public void setTerminalOrderRetention(Duration terminalOrderRetention) {
    this.terminalOrderRetention = terminalOrderRetention;
  }

  @JsonProperty
  public Duration getTerminalOrderScanInterval() {
    return terminalOrderScanInterval;
  }

  @JsonProperty
  public void setTerminalOrderScanInterval(Duration terminalOrderScanInterval) {
    this.terminalOrderScanInterval = terminalOrderScanInterval;
  }

  @JsonProperty
  public String getApplicationServer() {
    return applicationServer;
  }

  @JsonProperty
  public void setApplicationServer(String applicationServer) {
    this.applicationServer = applicationServer;
  }

  @JsonProperty
  public Duration getInternalTopicRetention() {
    return internalTopicRetention;
  }

  @JsonProperty
  public void setInternalTopicRetention(Duration internalTopicRetention) {
    this.internalTopicRetention = internalTopicRetention;
  }

  @JsonProperty
  public Duration getCloseTimeout() {
    return closeTimeout;
  }

  @JsonProperty
  public void setCloseTimeout(Duration closeTimeout) {
    this.closeTimeout = closeTimeout;
  }

  @JsonProperty
  public Duration getStartRetryInterval() {
    return startRetryInterval;
  }

  @JsonProperty
  public void setStartRetryInterval(Duration startRetryInterval) {
    this.startRetryInterval = startRetryInterval;
  }

  @JsonProperty
  public Duration getRestoreFetchMaxWait() {
    return restoreFetchMaxWait;
  }

  @JsonProperty
  public void setRestoreFetchMaxWait(Duration restoreFetchMaxWait) {
    this.restoreFetchMaxWait = restoreFetchMaxWait;
  }

  @JsonProperty
  public Map<String, String> getProperties() {
    return properties;
  }

  @JsonProperty
  public void setProperties(Map<String, String> properties) {
    this.properties = properties;
  }
}
