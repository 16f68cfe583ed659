package dev.stockroom.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.MetricRegistry;
import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.platform.kafka.KafkaFactory;
import dev.stockroom.platform.kafka.KafkaHeaders;
import dev.stockroom.platform.tracing.TraceScope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;

@ExtendWith(SharedKafka.class)
class KafkaConsumerLoopIT {
  private final KafkaFactory kafka = new KafkaFactory();
  private final List<KafkaConsumerLoop> loops = new ArrayList<>();
  private String topic;
  private String group;

  @BeforeEach
  void createTopic() {
    kafka.setBootstrapServers(SharedKafka.bootstrapServers());
    topic = "consumer-it-" + UUID.randomUUID();
    group = "group-" + UUID.randomUUID();
    SharedKafka.createTopic(topic, 2);
  }

  @AfterEach
  void stopLoops() throws InterruptedException {
    for (KafkaConsumerLoop loop : loops) {
      loop.stop();
    }
  }

  private KafkaConsumerLoop start(RecordHandler handler, MetricRegistry metrics) {
    KafkaConsumerLoop loop =
        KafkaConsumerLoop.builder(kafka, group, handler)
            .topics(topic)
            .pollTimeout(Duration.ofMillis(200))
            .backoff(Duration.ofMillis(50), Duration.ofMillis(400))
            .metrics(metrics)
            .build();
    loops.add(loop);
    loop.start();
    return loop;
  }

  /** Sends {@code values} keyed round-robin over two keys, each with an eventId header. */
  private void produce(List<String> values) throws Exception {
    try (Producer<String, String> producer = kafka.newProducer("test")) {
      for (int i = 0; i < values.size(); i++) {
        ProducerRecord<String, String> record =
            new ProducerRecord<>(topic, "key-" + (i % 2), values.get(i));
        record
            .headers()
            .add(
                new RecordHeader(
                    KafkaHeaders.EVENT_ID,
                    UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
      }
    }
  }

  private static List<String> values(String prefix, int count) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(prefix + i);
    }
    return values;
  }

  /** Handled values per partition, in the order the handler saw them. */
  private static Map<Integer, List<Long>> offsetsByPartition(
      List<ConsumerRecord<String, String>> handled) {
    Map<Integer, List<Long>> offsets = new LinkedHashMap<>();
    for (ConsumerRecord<String, String> record : handled) {
      offsets.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record.offset());
    }
    return offsets;
  }

  private long committedTotal() throws Exception {
    try (Admin admin = kafka.newAdmin()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      return committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }
  }

  @Test
  void handlesEveryRecordOnceInPartitionOrderAndCommitsAfterHandling() throws Exception {
    List<ConsumerRecord<String, String>> handled = Collections.synchronizedList(new ArrayList<>());
    KafkaConsumerLoop loop = start(handled::add, new MetricRegistry());
    produce(values("v", 20));

    await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() >= 20);
    assertThat(handled).extracting(ConsumerRecord::value).hasSize(20).doesNotHaveDuplicates();
    offsetsByPartition(handled).values().forEach(offsets -> assertThat(offsets).isSorted());
    assertThat(handled).allSatisfy(r -> assertThat(KafkaHeaders.eventId(r)).isNotNull());
    await().atMost(Duration.ofSeconds(10)).until(() -> committedTotal() == 20);
    await().atMost(Duration.ofSeconds(10)).until(() -> loop.lag() == 0);

    long start = System.nanoTime();
    loop.stop();
    assertThat((System.nanoTime() - start) / 1_000_000).as("stop is prompt").isLessThan(5_000);
    assertThat(loop.isRunning()).isFalse();

    // A restarted member of the group resumes after the committed offsets.
    handled.clear();
    start(handled::add, new MetricRegistry());
    produce(List.of("after-restart"));
    await().atMost(Duration.ofSeconds(60)).until(() -> !handled.isEmpty());
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(() -> handled.size() == 1);
    assertThat(handled).extracting(ConsumerRecord::value).containsExactly("after-restart");
  }

  @Test
  void aRecordIsHandledInItsTraceAndARecordWithoutOneInANewTrace() throws Exception {
    Map<String, String> traceOf = new java.util.concurrent.ConcurrentHashMap<>();
    start(r -> traceOf.put(r.value(), MDC.get(TraceScope.MDC_TRACE_ID)), new MetricRegistry());
    try (Producer<String, String> producer = kafka.newProducer("test")) {
      ProducerRecord<String, String> traced = new ProducerRecord<>(topic, "k", "traced");
      traced
          .headers()
          .add(
              "traceparent",
              "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                  .getBytes(StandardCharsets.UTF_8));
      producer.send(traced).get();
      producer.send(new ProducerRecord<>(topic, "k", "untraced")).get();
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> traceOf.size() == 2);
    assertThat(traceOf).containsEntry("traced", "4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(traceOf.get("untraced")).hasSize(32).isNotEqualTo(traceOf.get("traced"));
  }

  @Test
  void retriesAFailingRecordWithBackoffAndNeverSkipsIt() throws Exception {
    AtomicBoolean broken = new AtomicBoolean(true);
    AtomicInteger attempts = new AtomicInteger();
    List<ConsumerRecord<String, String>> handled = Collections.synchronizedList(new ArrayList<>());
    RecordHandler handler =
        record -> {
          if (record.value().equals("poison")) {
            attempts.incrementAndGet();
            if (broken.get()) {
              throw new IllegalStateException("the database is down");
            }
          }
          handled.add(record);
        };
    MetricRegistry metrics = new MetricRegistry();
    KafkaConsumerLoop loop = start(handler, metrics);
    KafkaConsumerLoopHealthCheck health =
        new KafkaConsumerLoopHealthCheck(loop, Duration.ofMillis(500), Clock.systemUTC());
    List<String> values = new ArrayList<>(values("before", 6));
    values.add("poison");
    values.addAll(values("after", 6));
    produce(values);

    await().atMost(Duration.ofSeconds(60)).until(() -> attempts.get() >= 3);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(health.execute().isHealthy()).isFalse());
    assertThat(metrics.meter("kafka-consumer." + group + ".failures").getCount()).isPositive();
    int poisonPartition = partitionOf(handled, "poison", values);
    assertThat(handled)
        .as("nothing behind the failing record in its partition is handled")
        .noneMatch(r -> r.partition() == poisonPartition && r.value().startsWith("after"));

    broken.set(false);
    await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() >= values.size());
    assertThat(handled)
        .extracting(ConsumerRecord::value)
        .containsExactlyInAnyOrderElementsOf(values);
    offsetsByPartition(handled).values().forEach(offsets -> assertThat(offsets).isSorted());
    assertThat(health.execute().isHealthy()).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> committedTotal() == values.size());
  }

  /** Records every batch it is given, and fails any batch holding "poison" as a whole. */
  private static final class RecordingBatchHandler implements BatchRecordHandler {
    final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    final List<ConsumerRecord<String, String>> handled =
        Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger singles = new AtomicInteger();

    @Override
    public void handleAll(List<ConsumerRecord<String, String>> records) {
      List<String> values = records.stream().map(ConsumerRecord::value).toList();
      if (values.contains("poison")) {
        throw new IllegalStateException("one of these cannot be handled");
      }
      batches.add(values);
      handled.addAll(records);
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) {
      singles.incrementAndGet();
      if (record.value().equals("poison")) {
        throw new IllegalStateException("still broken");
      }
      handled.add(record);
    }
  }

  @Test
  void aBatchHandlerGetsEachPartitionsRecordsOfAPollAtOnce() throws Exception {
    produce(values("v", 40));
    RecordingBatchHandler handler = new RecordingBatchHandler();
    start(handler, new MetricRegistry());

    await().atMost(Duration.ofSeconds(60)).until(() -> handler.handled.size() >= 40);
    assertThat(handler.handled)
        .extracting(ConsumerRecord::value)
        .hasSize(40)
        .doesNotHaveDuplicates();
    offsetsByPartition(handler.handled).values().forEach(o -> assertThat(o).isSorted());
    assertThat(handler.batches).as("records already there arrive in batches").isNotEmpty();
    assertThat(handler.batches.stream().mapToInt(List::size).max().orElse(0)).isGreaterThan(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> committedTotal() == 40);
  }

  @Test
  void aFailedBatchIsHandledOneRecordAtATimeAndItsFailingRecordRetried() throws Exception {
    List<String> values = new ArrayList<>(values("before", 6));
    values.add("poison");
    values.addAll(values("after", 6));
    produce(values);
    RecordingBatchHandler handler = new RecordingBatchHandler();
    start(handler, new MetricRegistry());

    await().atMost(Duration.ofSeconds(60)).until(() -> handler.singles.get() >= 3);
    int poisonPartition = partitionOf(handler.handled, "poison", values);
    assertThat(handler.handled)
        .as("records before the failing one are handled singly; none after it")
        .anyMatch(r -> r.partition() == poisonPartition && r.value().startsWith("before"))
        .noneMatch(r -> r.partition() == poisonPartition && r.value().startsWith("after"));
    assertThat(handler.handled).extracting(ConsumerRecord::value).doesNotHaveDuplicates();
  }

  /** The partition "poison" went to: the partition of the other records with its key. */
  private static int partitionOf(
      List<ConsumerRecord<String, String>> handled, String value, List<String> values) {
    String key = "key-" + (values.indexOf(value) % 2);
    return handled.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow().partition();
  }
}
