package dev.stockroom.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the configured topics that do not exist yet. Existing topics are left alone: changing
 * partitions would move keys between partitions and break per-key order, so a mismatch is only
 * logged for an operator to decide.
 */
public final class KafkaTopics {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);

  private KafkaTopics() {}

  /**
   * Makes sure every topic in {@code specs} exists.
   *
   * @return the names of the topics this call created
   */
  public static List<String> ensure(Admin admin, List<TopicSpec> specs, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (specs.isEmpty()) {
      return List.of();
    }
    long timeoutMs = timeout.toMillis();
    Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
    List<NewTopic> missing = new ArrayList<>();
    List<TopicSpec> present = new ArrayList<>();
    for (TopicSpec spec : specs) {
      if (existing.contains(spec.getName())) {
        present.add(spec);
      } else {
        missing.add(spec.toNewTopic());
      }
    }
    List<String> created = new ArrayList<>();
    if (!missing.isEmpty()) {
      CreateTopicsResult result = admin.createTopics(missing);
      for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> entry :
          result.values().entrySet()) {
        try {
          entry.getValue().get(timeoutMs, TimeUnit.MILLISECONDS);
          created.add(entry.getKey());
          LOG.info("Created Kafka topic {}", entry.getKey());
        } catch (ExecutionException e) {
          // Another instance created it between our list and create: that is the outcome we want.
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
    warnAboutPartitionMismatches(admin, present, timeoutMs);
    return created;
  }

  private static void warnAboutPartitionMismatches(
      Admin admin, List<TopicSpec> present, long timeoutMs)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (present.isEmpty()) {
      return;
    }
    Map<String, TopicDescription> descriptions =
        admin
            .describeTopics(present.stream().map(TopicSpec::getName).toList())
            .allTopicNames()
            .get(timeoutMs, TimeUnit.MILLISECONDS);
    for (TopicSpec spec : present) {
      TopicDescription description = descriptions.get(spec.getName());
      if (description != null && description.partitions().size() != spec.getPartitions()) {
        LOG.warn(
            "Kafka topic {} exists with {} partitions but the configuration asks for {}; left"
                + " unchanged",
            spec.getName(),
            description.partitions().size(),
            spec.getPartitions());
      }
    }
  }
}
