package dev.stockroom.platform.consumer;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A {@link RecordHandler} that can also do the work for several records of one partition at once,
 * all or nothing, typically in one database transaction: a consumer that commits a transaction per
 * record is bound by the database's commit latency (order-service applied about 150 status events a
 * second that way while its HTTP side was busy), one per batch is not.
 *
 * <p>When {@link #handleAll} throws, {@link KafkaConsumerLoop} handles the same records one at a
 * time with {@link #handle}, so a failing record is found, retried and never skipped exactly as for
 * a plain {@link RecordHandler}; {@code handleAll} must therefore leave nothing behind when it
 * fails.
 */
public interface BatchRecordHandler extends RecordHandler {
  /**
   * Does the work for every record, or for none of them (then throws).
   *
   * @param records consecutive records of one partition, in offset order
   */
  void handleAll(List<ConsumerRecord<String, String>> records) throws Exception;
}
