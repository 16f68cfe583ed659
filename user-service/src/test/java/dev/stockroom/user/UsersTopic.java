package dev.stockroom.user;

import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.InvalidEventException;
import dev.stockroom.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

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
    return SharedKafka.consumeUntil(Topics.USERS, done, timeout);
  }
}
