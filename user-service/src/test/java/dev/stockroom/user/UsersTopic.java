package dev.stockroom.user;

import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.InvalidEventException;
import dev.stockroom.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code users.v1} from the beginning, as a downstream consumer would (read_committed). */
public final class UsersTopic {
  private UsersTopic() {}

  /**
   * The event type of a record, or null for a value that is no envelope (other tests send some).
   */
  public static String typeOf(ConsumerRecord<String, String> record) {
    try {
      return record.value() == null ? null : EventJson.typeOf(record.value());
    } catch (InvalidEventException e) {
      return null;
    }
  }

  /**
   * Every record so far, polling until {@code done} holds for them or the deadline passes (then
   * returns what it has, for the caller's assertion to explain).
   */
  public static List<ConsumerRecord<String, String>> readUntil(
      Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedKafka.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    Instant deadline = Instant.now().plus(timeout);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
        consumer
            .partitionsFor(Topics.USERS, Duration.ofSeconds(5))
            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (!done.test(records) && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
