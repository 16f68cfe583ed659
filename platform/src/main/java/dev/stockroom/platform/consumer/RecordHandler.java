package dev.stockroom.platform.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Does the work for one record. Throwing means "not done": the loop retries the same record after a
 * backoff and never moves past it. Records can arrive more than once, so a handler with side
 * effects records the event id with {@link ProcessedEvents#markProcessed} in the same transaction.
 */
@FunctionalInterface
public interface RecordHandler {
  void handle(ConsumerRecord<String, String> record) throws Exception;
}
