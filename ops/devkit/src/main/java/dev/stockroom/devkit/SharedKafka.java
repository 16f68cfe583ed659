package dev.stockroom.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JUnit 5 extension giving every test class in a JVM the same real Kafka broker.
 *
 * <p>The broker starts on first use (the extension's {@code beforeAll} or any static helper, so a
 * helper called from a static initializer works too) in a temporary directory, and is closed and
 * deleted when the JUnit run ends; a JVM shutdown hook covers runs without the extension. Starting
 * one broker per JVM rather than per class keeps suites fast: a start costs seconds.
 *
 * <p>Tests sharing the broker should use their own topic names (or unique group ids) so they do not
 * see each other's records. A test may {@link KafkaBroker#stop() stop} and {@link
 * KafkaBroker#restart() restart} the broker from {@link #broker()}; it comes back on the same port,
 * and the test should leave it running.
 */
public final class SharedKafka implements BeforeAllCallback {
  private static final Logger LOG = LoggerFactory.getLogger(SharedKafka.class);

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedKafka.class);

  private static Path dataDir;
  private static KafkaBroker broker;
  private static boolean shutdownHookAdded;

  @Override
  public void beforeAll(ExtensionContext context) {
    KafkaBroker shared = broker();
    if (!shared.isRunning()) {
      // An earlier class stopped it and failed before restarting it; do not fail this one too.
      shared.restart();
    }
    // The root store is closed once, after the last test of the run; its AutoCloseable values
    // are closed then, which stops the broker before the JVM exits.
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(BrokerCloser.class, key -> new BrokerCloser(), BrokerCloser.class);
  }

  /** The shared broker, started if needed. */
  public static synchronized KafkaBroker broker() {
    if (broker == null) {
      try {
        dataDir = Files.createTempDirectory("stockroom-kafka-");
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create a directory for the test broker", e);
      }
      broker = KafkaBroker.start(dataDir, 0);
      if (!shutdownHookAdded) {
        Runtime.getRuntime()
            .addShutdownHook(new Thread(SharedKafka::shutdown, "shared-kafka-shutdown"));
        shutdownHookAdded = true;
      }
    }
    return broker;
  }

  /** The shared broker's bootstrap address, starting it if needed. */
  public static String bootstrapServers() {
    return broker().bootstrapServers();
  }

  /**
   * Creates {@code name} with {@code partitions} partitions and one replica, and waits until every
   * partition has a leader. Does nothing if the topic exists already.
   */
  public static void createTopic(String name, int partitions) {
    try (Admin admin = Admin.create(adminConfig())) {
      try {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("Cannot create topic " + name, e.getCause());
        }
      }
      awaitLeaders(admin, name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topic " + name, e);
    }
  }

  /**
   * Reads {@code topic} from the beginning of every partition with a fresh consumer that reads only
   * committed transactions and joins no group, until at least {@code atLeast} records arrived or
   * {@code timeout} passed. Returns what it read either way, so the caller's assertion shows what
   * was there; records of one partition are in offset order.
   */
  public static List<ConsumerRecord<String, String>> consume(
      String topic, int atLeast, Duration timeout) {
    return consumeUntil(topic, records -> records.size() >= atLeast, timeout);
  }

  /**
   * As {@link #consume(String, int, Duration)}, polling until {@code done} holds for the records
   * read so far (tested before the first poll too) or {@code timeout} passed.
   */
  public static List<ConsumerRecord<String, String>> consumeUntil(
      String topic, Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = List.of();
      while (partitions.isEmpty() && System.nanoTime() < deadline) {
        partitions = partitionsOf(consumer, topic, deadline);
      }
      if (partitions.isEmpty()) {
        return records;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (!done.test(records) && System.nanoTime() < deadline) {
        long left = Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
        consumer.poll(Duration.ofMillis(Math.min(left, 200))).forEach(records::add);
      }
    }
    return records;
  }

  private static List<TopicPartition> partitionsOf(
      KafkaConsumer<String, String> consumer, String topic, long deadline) {
    long left = Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
    List<PartitionInfo> infos;
    try {
      infos = consumer.partitionsFor(topic, Duration.ofMillis(Math.min(left, 1000)));
    } catch (TimeoutException e) {
      infos = List.of();
    }
    if (infos == null || infos.isEmpty()) {
      sleepBriefly();
      return List.of();
    }
    return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
  }

  private static void awaitLeaders(Admin admin, String topic) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        TopicDescription description =
            admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
        boolean allLed =
            description.partitions().stream()
                .map(TopicPartitionInfo::leader)
                .allMatch(leader -> leader != null && !leader.isEmpty());
        if (allLed) {
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw new IllegalStateException("Cannot describe topic " + topic, e.getCause());
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("Topic " + topic + " has partitions without a leader");
  }

  private static Map<String, Object> adminConfig() {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers(),
        AdminClientConfig.CLIENT_ID_CONFIG,
        "shared-kafka-admin");
  }

  private static Map<String, Object> consumerConfig() {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers(),
        ConsumerConfig.CLIENT_ID_CONFIG,
        "shared-kafka-reader-" + UUID.randomUUID(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false,
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
        false);
  }

  private static void sleepBriefly() {
    try {
      // The topic does not exist yet; its producer may still be on the way.
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a topic", e);
    }
  }

  private static synchronized void shutdown() {
    if (broker == null) {
      return;
    }
    try {
      broker.close();
    } finally {
      broker = null;
      deleteRecursively(dataDir);
      dataDir = null;
    }
  }

  private static void deleteRecursively(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // A leftover temporary directory is harmless; failing the run over it is not.
      LOG.warn("Could not delete test broker data {}", root, e);
    }
  }

  /** Stops the shared broker when JUnit closes the root store at the end of the run. */
  private static final class BrokerCloser implements AutoCloseable {
    @Override
    public void close() {
      shutdown();
    }
  }
}
