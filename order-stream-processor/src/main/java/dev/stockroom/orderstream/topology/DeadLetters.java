package dev.stockroom.orderstream.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that cannot be processed to the dead-letter sink, unchanged apart from the {@link
 * DeadLetterHeaders}, and counts it, so one bad record never stops the partition behind it.
 */
final class DeadLetters {
  /** Metric group {@code stream-stockroom-metrics}, metrics {@code dead-letter-total/-rate}. */
  static final String METRIC_SCOPE = "stockroom";

  static final String METRIC_OPERATION = "dead-letter";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final ProcessorContext<Object, Object> context;
  private final String processorName;
  private final String sinkName;
  private final Sensor sensor;

  DeadLetters(ProcessorContext<Object, Object> context, String processorName, String sinkName) {
    this.context = context;
    this.processorName = processorName;
    this.sinkName = sinkName;
    this.sensor =
        context
            .metrics()
            .addRateTotalSensor(
                METRIC_SCOPE, processorName, METRIC_OPERATION, Sensor.RecordingLevel.INFO);
  }

  void send(Record<byte[], byte[]> record, String reason) {
    Headers headers = new RecordHeaders(record.headers().toArray());
    String topic = "";
    String partition = "";
    String offset = "";
    RecordMetadata metadata = context.recordMetadata().orElse(null);
    if (metadata != null) {
      topic = metadata.topic();
      partition = Integer.toString(metadata.partition());
      offset = Long.toString(metadata.offset());
    }
    put(headers, DeadLetterHeaders.REASON, reason);
    put(headers, DeadLetterHeaders.SOURCE_TOPIC, topic);
    put(headers, DeadLetterHeaders.SOURCE_PARTITION, partition);
    put(headers, DeadLetterHeaders.SOURCE_OFFSET, offset);
    put(headers, DeadLetterHeaders.PROCESSOR, processorName);
    context.forward(
        new Record<Object, Object>(record.key(), record.value(), record.timestamp(), headers),
        sinkName);
    sensor.record();
    LOG.warn(
        "dead-lettered record from {}-{}@{} in {}: {}",
        topic,
        partition,
        offset,
        processorName,
        reason);
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
