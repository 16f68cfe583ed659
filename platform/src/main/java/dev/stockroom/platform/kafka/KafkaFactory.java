package dev.stockroom.platform.kafka;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka clients from YAML (key {@code kafka}). {@code properties} go to every client (TLS, SASL,
 * timeouts); {@code producer} and {@code consumer} go to that kind only. Settings the platform's
 * guarantees depend on (idempotence, {@code acks=all}, read_committed, manual commits, string
 * serdes) are applied last so configuration cannot weaken them by accident.
 */
public class KafkaFactory {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaFactory.class);

  /** The idempotent producer keeps order only with at most this many in-flight requests. */
  static final int MAX_IN_FLIGHT_FOR_ORDER = 5;

  private static final java.time.Duration TOPIC_REQUEST_TIMEOUT = java.time.Duration.ofSeconds(30);

  @NotEmpty private String bootstrapServers = "localhost:9092";

  @NotEmpty private String clientId = "stockroom";

  @NotNull private Map<String, String> properties = new LinkedHashMap<>();

  @NotNull private Map<String, String> producer = new LinkedHashMap<>();

  @NotNull private Map<String, String> consumer = new LinkedHashMap<>();

  @Valid @NotNull private List<TopicSpec> topics = new ArrayList<>();

  private boolean createTopicsOnStart = true;

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration healthCheckTimeout = Duration.seconds(5);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration topicCreationRetryInterval = Duration.seconds(10);

  private final AtomicInteger clientSequence = new AtomicInteger();

  @JsonProperty
  public String getBootstrapServers() {
    return bootstrapServers;
  }

  @JsonProperty
  public void setBootstrapServers(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  @JsonProperty
  public String getClientId() {
    return clientId;
  }

  @JsonProperty
  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  @JsonProperty
  public Map<String, String> getProperties() {
    return properties;
  }

  @JsonProperty
  public void setProperties(Map<String, String> properties) {
    this.properties = properties;
  }

  @JsonProperty
  public Map<String, String> getProducer() {
    return producer;
  }

  @JsonProperty
  public void setProducer(Map<String, String> producer) {
    this.producer = producer;
  }

  @JsonProperty
  public Map<String, String> getConsumer() {
    return consumer;
  }

  @JsonProperty
  public void setConsumer(Map<String, String> consumer) {
    this.consumer = consumer;
  }

  @JsonProperty
  public List<TopicSpec> getTopics() {
    return topics;
  }

  @JsonProperty
  public void setTopics(List<TopicSpec> topics) {
    this.topics = topics;
  }

  @JsonProperty
  public boolean isCreateTopicsOnStart() {
    return createTopicsOnStart;
  }

  @JsonProperty
  public void setCreateTopicsOnStart(boolean createTopicsOnStart) {
    this.createTopicsOnStart = createTopicsOnStart;
  }

  @JsonProperty
  public Duration getHealthCheckTimeout() {
    return healthCheckTimeout;
  }

  @JsonProperty
  public void setHealthCheckTimeout(Duration healthCheckTimeout) {
    this.healthCheckTimeout = healthCheckTimeout;
  }

  @JsonProperty
  public Duration getTopicCreationRetryInterval() {
    return topicCreationRetryInterval;
  }

  @JsonProperty
  public void setTopicCreationRetryInterval(Duration topicCreationRetryInterval) {
    this.topicCreationRetryInterval = topicCreationRetryInterval;
  }

  /**
   * A new idempotent producer ({@code acks=all}, at most 5 requests in flight, so retries never
   * reorder or duplicate within a partition) with string keys and values.
   */
  public Producer<String, String> newProducer(String clientIdSuffix) {
    return new KafkaProducer<>(producerConfig(clientIdSuffix));
  }

  /** The configuration {@link #newProducer} uses. */
  public Map<String, Object> producerConfig(String clientIdSuffix) {
    Map<String, Object> config = common(clientIdSuffix);
    config.putAll(producer);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    Object inFlight = config.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
    if (inFlight == null) {
      config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, MAX_IN_FLIGHT_FOR_ORDER);
    } else if (Integer.parseInt(inFlight.toString().trim()) > MAX_IN_FLIGHT_FOR_ORDER) {
      throw new IllegalArgumentException(
          ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION
              + " must be at most "
              + MAX_IN_FLIGHT_FOR_ORDER
              + " to keep per-key order, got "
              + inFlight);
    }
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return config;
  }

  /**
   * A new consumer in group {@code groupId} that reads only committed records and never commits on
   * its own: the caller commits after its handler has done the work. A new group starts from the
   * earliest offset (overridable with {@code consumer.auto.offset.reset}) so events written before
   * the first deployment are not missed.
   */
  public Consumer<String, String> newConsumer(String groupId) {
    return new KafkaConsumer<>(consumerConfig(groupId));
  }

  /** The configuration {@link #newConsumer} uses. */
  public Map<String, Object> consumerConfig(String groupId) {
    Map<String, Object> config = common(groupId);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.putAll(consumer);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return config;
  }

  /** A new admin client; the caller closes it. */
  public Admin newAdmin() {
    return Admin.create(common("admin"));
  }

  /** Creates the configured {@code topics} that are missing; existing topics are fine. */
  public void ensureTopics() throws InterruptedException, ExecutionException, TimeoutException {
    try (Admin admin = newAdmin()) {
      KafkaTopics.ensure(admin, topics, TOPIC_REQUEST_TIMEOUT);
    }
  }

  /**
   * Registers the {@code kafka} health check (one long-lived admin client, closed on shutdown) and,
   * when {@code createTopicsOnStart}, creates the configured topics at startup. Kafka being down
   * does not stop the service from starting: topic creation is retried in the background and the
   * health check reports the outage.
   */
  public void build(Environment environment) {
    Admin admin = newAdmin();
    environment
        .lifecycle()
        .manage(
            new Managed() {
              @Override
              public void stop() {
                admin.close(java.time.Duration.ofSeconds(5));
              }
            });
    environment
        .healthChecks()
        .register("kafka", new KafkaHealthCheck(admin, healthCheckTimeout.toJavaDuration()));
    if (createTopicsOnStart && !topics.isEmpty()) {
      ScheduledExecutorService executor =
          environment.lifecycle().scheduledExecutorService("kafka-topics-%d").threads(1).build();
      environment
          .lifecycle()
          .manage(
              new Managed() {
                @Override
                public void start() {
                  executor.execute(() -> createTopicsUntilDone(admin, executor));
                }
              });
    }
  }

  private void createTopicsUntilDone(Admin admin, ScheduledExecutorService executor) {
    try {
      KafkaTopics.ensure(admin, topics, TOPIC_REQUEST_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn(
          "Could not create Kafka topics yet ({}); retrying in {}", e, topicCreationRetryInterval);
      executor.schedule(
          () -> createTopicsUntilDone(admin, executor),
          topicCreationRetryInterval.toMilliseconds(),
          TimeUnit.MILLISECONDS);
    }
  }

  private Map<String, Object> common(String clientIdSuffix) {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    // Unique per client: two clients with one id in a JVM clash on their JMX metric names.
    config.put(
        CommonClientConfigs.CLIENT_ID_CONFIG,
        clientId + "-" + clientIdSuffix + "-" + clientSequence.incrementAndGet());
    config.putAll(properties);
    return config;
  }
}
