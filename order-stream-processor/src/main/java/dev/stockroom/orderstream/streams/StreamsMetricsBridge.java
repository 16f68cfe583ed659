package dev.stockroom.orderstream.streams;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Publishes the Kafka Streams metrics an operator needs (process rate, commit latency, consumer lag
 * per partition, restore progress, thread health, dead letters) as Dropwizard gauges, so they
 * appear on {@code /metrics} and {@code /prometheus}. Kafka creates and removes metrics as tasks
 * move between instances, so the set is re-synchronised periodically.
 */
public class StreamsMetricsBridge implements Managed {
  static final String PREFIX = "kafka-streams";

  private static final Set<String> NAMES =
      Set.of(
          "process-rate",
          "process-total",
          "commit-rate",
          "commit-latency-avg",
          "commit-latency-max",
          "records-lag",
          "records-lag-max",
          "alive-stream-threads",
          "failed-stream-threads",
          "restore-rate",
          "restore-total",
          "restore-remaining-records-total",
          "dead-letter-rate",
          "dead-letter-total");

  private static final Set<String> GROUPS =
      Set.of(
          "stream-metrics",
          "stream-thread-metrics",
          "stream-task-metrics",
          "stream-state-metrics",
          "stream-state-updater-metrics",
          "consumer-fetch-manager-metrics",
          "stream-stockroom-metrics");

  private final ManagedStreams streams;
  private final MetricRegistry registry;
  private final String clientIdPrefix;
  private final Set<String> registered = new HashSet<>();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "order-stream-metrics");
            thread.setDaemon(true);
            return thread;
          });

  public StreamsMetricsBridge(
      ManagedStreams streams, MetricRegistry registry, String clientIdPrefix) {
    this.streams = streams;
    this.registry = registry;
    this.clientIdPrefix = clientIdPrefix;
  }

  @Override
  public void start() {
    executor.scheduleWithFixedDelay(this::sync, 1, 10, TimeUnit.SECONDS);
  }

  @Override
  public void stop() {
    executor.shutdownNow();
    synchronized (registered) {
      registered.forEach(registry::remove);
      registered.clear();
    }
  }

  /** Registers gauges for new metrics of interest and removes those Kafka removed. */
  void sync() {
    KafkaStreams running = streams.streams();
    if (running == null) {
      return;
    }
    Map<MetricName, ? extends Metric> metrics = running.metrics();
    Set<String> current = new HashSet<>();
    synchronized (registered) {
      for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
        MetricName name = entry.getKey();
        if (!NAMES.contains(name.name()) || !GROUPS.contains(name.group())) {
          continue;
        }
        String dropwizardName = nameOf(name, clientIdPrefix);
        current.add(dropwizardName);
        if (!registered.contains(dropwizardName) && !registry.getNames().contains(dropwizardName)) {
          Metric metric = entry.getValue();
          registry.register(dropwizardName, (Gauge<Object>) metric::metricValue);
          registered.add(dropwizardName);
        }
      }
      registered.removeIf(
          name -> {
            if (current.contains(name)) {
              return false;
            }
            registry.remove(name);
            return true;
          });
    }
  }

  /**
   * {@code kafka-streams.<group>.<name>} followed by the tags that tell instances apart (thread,
   * task, topic, partition, processor), in a stable order.
   */
  static String nameOf(MetricName name, String clientIdPrefix) {
    StringBuilder out = new StringBuilder(PREFIX).append('.').append(name.group());
    out.append('.').append(name.name());
    for (Map.Entry<String, String> tag : new TreeMap<>(name.tags()).entrySet()) {
      String value = tag.getValue();
      if (tag.getKey().equals("client-id") || tag.getKey().equals("thread-id")) {
        // Which of this process's clients (main or restore consumer, thread): drop the prefix
        // every client id of the process shares.
        value = value.startsWith(clientIdPrefix) ? value.substring(clientIdPrefix.length()) : value;
        value = value.startsWith("-") ? value.substring(1) : value;
        if (value.isEmpty()) {
          continue;
        }
      }
      out.append('.').append(tag.getKey()).append('=').append(value);
    }
    // Prometheus names allow only [a-zA-Z0-9_:]; Kafka reports some metrics twice with tags that
    // differ only in such characters (topic "a.b" and its legacy form "a_b"), so the sanitised
    // name is the identity.
    return out.toString().replaceAll("[^a-zA-Z0-9_:]", "_");
  }
}
