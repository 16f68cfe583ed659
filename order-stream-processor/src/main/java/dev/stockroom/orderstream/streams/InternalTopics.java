package dev.stockroom.orderstream.streams;

import dev.stockroom.orderstream.topology.OrderTopologyConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics only this application uses and checks they can work. The stock-commands topic
 * must have exactly as many partitions as the inventory topic, and line-results as many as the
 * orders topic: each is read by the same tasks as its partner, and a key must land on the same
 * partition number in both. Kafka Streams checks this for its own repartition topics but not for
 * named topics, so it is checked here before the application starts.
 */
public final class InternalTopics {
  private static final Logger LOG = LoggerFactory.getLogger(InternalTopics.class);
  private static final long TIMEOUT_MS = 30_000;

  private final OrderTopologyConfig config;
  private final int replicationFactor;
  private final Duration retention;

  public InternalTopics(OrderTopologyConfig config, int replicationFactor, Duration retention) {
    this.config = config;
    this.replicationFactor = replicationFactor;
    this.retention = retention;
  }

  /** The partition count each internal topic needs, given the input topics' counts. */
  Map<String, Integer> required(int orderPartitions, int inventoryPartitions) {
    Map<String, Integer> required = new LinkedHashMap<>();
    required.put(config.stockCommandsTopic(), inventoryPartitions);
    required.put(config.lineResultsTopic(), orderPartitions);
    required.put(config.deadLetterTopic(), orderPartitions);
    return required;
  }

  /**
   * Creates what is missing and verifies what exists.
   *
   * @throws InputTopicsMissingException when an input topic does not exist yet (retry later)
   * @throws IllegalStateException when an existing internal topic has the wrong partition count
   */
  public void ensure(Admin admin)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    for (String input : List.of(config.ordersTopic(), config.inventoryTopic())) {
      if (!existing.contains(input)) {
        throw new InputTopicsMissingException(input);
      }
    }
    Map<String, TopicDescription> inputs =
        describe(admin, List.of(config.ordersTopic(), config.inventoryTopic()));
    Map<String, Integer> required =
        required(
            inputs.get(config.ordersTopic()).partitions().size(),
            inputs.get(config.inventoryTopic()).partitions().size());

    List<NewTopic> missing = new ArrayList<>();
    List<String> present = new ArrayList<>();
    for (Map.Entry<String, Integer> topic : required.entrySet()) {
      if (existing.contains(topic.getKey())) {
        present.add(topic.getKey());
      } else {
        missing.add(
            new NewTopic(topic.getKey(), topic.getValue(), (short) replicationFactor)
                .configs(
                    Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(retention.toMillis()))));
      }
    }
    for (NewTopic topic : missing) {
      try {
        admin.createTopics(List.of(topic)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        LOG.info(
            "Created internal topic {} with {} partitions", topic.name(), topic.numPartitions());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        present.add(topic.name()); // another instance was first; check it like the others
      }
    }
    if (!present.isEmpty()) {
      for (TopicDescription description : describe(admin, present).values()) {
        int want = required.get(description.name());
        int have = description.partitions().size();
        if (have != want) {
          throw new IllegalStateException(
              "topic "
                  + description.name()
                  + " has "
                  + have
                  + " partitions but needs "
                  + want
                  + " to be co-partitioned with its input; recreate it (it holds only in-flight"
                  + " commands of this application) before starting");
        }
      }
    }
  }

  private static Map<String, TopicDescription> describe(Admin admin, List<String> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    return admin.describeTopics(topics).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  /** An input topic does not exist yet; the application waits for its producer to create it. */
  public static final class InputTopicsMissingException extends RuntimeException {
    InputTopicsMissingException(String topic) {
      super("input topic " + topic + " does not exist yet");
    }
  }
}
