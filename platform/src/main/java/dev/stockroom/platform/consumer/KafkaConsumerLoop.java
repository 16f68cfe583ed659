package dev.stockroom.platform.consumer;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import dev.stockroom.platform.kafka.Backoff;
import dev.stockroom.platform.kafka.KafkaFactory;
import dev.stockroom.platform.tracing.TraceParent;
import dev.stockroom.platform.tracing.TraceScope;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes topics in one consumer group on its own thread and hands every record to a {@link
 * RecordHandler}, at least once and in partition order; a {@link BatchRecordHandler} gets each
 * partition's records of a poll in one call.
 *
 * <p>Offsets are committed synchronously after the records of a poll were handled. When the handler
 * throws, the offsets of the records handled before it are committed, every partition of the poll
 * is rewound to its first unhandled record, and the same record is retried after an exponential
 * backoff (up to {@code maxBackoff}); a failing record is never skipped. {@link #stop()} wakes the
 * consumer, lets the record in hand finish, commits and closes.
 */
public class KafkaConsumerLoop implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaConsumerLoop.class);

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final String groupId;
  private final List<String> topics;
  private final Supplier<Consumer<String, String>> consumers;
  private final RecordHandler handler;
  private final Duration pollTimeout;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Clock clock;
  private final Meter processed;
  private final Meter failures;
  private final CountDownLatch stopRequested = new CountDownLatch(1);

  private volatile boolean running;
  private volatile Consumer<String, String> consumer;
  private volatile long lag = -1;
  private volatile Instant failingSince;
  private volatile Throwable crash;
  private Thread thread;

  private KafkaConsumerLoop(Builder builder) {
    this.groupId = builder.groupId;
    this.topics = List.copyOf(builder.topics);
    this.consumers = builder.consumers;
    this.handler = builder.handler;
    this.pollTimeout = builder.pollTimeout;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.clock = builder.clock;
    MetricRegistry metrics = builder.metrics;
    String prefix = MetricRegistry.name("kafka-consumer", groupId);
    this.processed = metrics.meter(MetricRegistry.name(prefix, "processed"));
    this.failures = metrics.meter(MetricRegistry.name(prefix, "failures"));
    metrics.gauge(MetricRegistry.name(prefix, "lag"), () -> (Gauge<Long>) () -> lag);
  }

  /**
   * Starts describing a loop for {@code groupId} whose consumers come from {@code kafka}.
   *
   * @param groupId the consumer group; also names the thread, the metrics and the health check
   */
  public static Builder builder(KafkaFactory kafka, String groupId, RecordHandler handler) {
    return new Builder(groupId, () -> kafka.newConsumer(groupId), handler);
  }

  /** Manages this loop and registers its health check {@code kafka-consumer-<groupId>}. */
  public void register(Environment environment, Duration unhealthyAfterFailingFor) {
    environment.lifecycle().manage(this);
    environment
        .healthChecks()
        .register(
            "kafka-consumer-" + groupId,
            new KafkaConsumerLoopHealthCheck(this, unhealthyAfterFailingFor, clock));
  }

  @Override
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("consumer loop " + groupId + " was already started");
    }
    running = true;
    thread = new Thread(this::run, "kafka-consumer-" + groupId);
    thread.start();
  }

  @Override
  public void stop() throws InterruptedException {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    stopRequested.countDown();
    Consumer<String, String> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (t != null) {
      t.join(STOP_GRACE.toMillis());
      if (t.isAlive()) {
        LOG.warn("Consumer loop {} did not stop within {}", groupId, STOP_GRACE);
      }
    }
  }

  public String groupId() {
    return groupId;
  }

  /** Whether the loop thread is running (false before start, after stop, or after a crash). */
  public boolean isRunning() {
    Thread t = thread;
    return running && t != null && t.isAlive();
  }

  /** Why the loop thread ended on its own, if it did. */
  public Throwable crash() {
    return crash;
  }

  /** Records behind the end of the assigned partitions at the last poll; -1 before the first. */
  public long lag() {
    return lag;
  }

  /** Since when the handler has been failing without a success in between; null when it is not. */
  public Instant failingSince() {
    return failingSince;
  }

  private void run() {
    Backoff backoff = new Backoff(initialBackoff, maxBackoff);
    Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
    try (Consumer<String, String> c = consumers.get()) {
      consumer = c;
      if (!running) {
        return;
      }
      c.subscribe(topics);
      try {
        while (running) {
          ConsumerRecords<String, String> records = c.poll(pollTimeout);
          lag = currentLag(c);
          if (records.isEmpty()) {
            continue;
          }
          Failure failure = handleAll(records, handled);
          if (!handled.isEmpty()) {
            c.commitSync(handled);
            handled.clear();
          }
          if (failure == null) {
            backoff.reset();
            failingSince = null;
            continue;
          }
          rewind(c, records, failure.committed());
          failures.mark();
          if (failingSince == null) {
            failingSince = clock.instant();
          }
          Duration delay = backoff.nextDelay();
          ConsumerRecord<String, String> record = failure.record();
          LOG.warn(
              "Consumer {} failed to handle {}-{}@{} (attempt {}); retrying in {}",
              groupId,
              record.topic(),
              record.partition(),
              record.offset(),
              backoff.failures(),
              delay,
              failure.cause());
          stopRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (WakeupException e) {
        if (running) {
          throw e;
        }
      } finally {
        commitQuietly(c, handled);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      crash = e;
      LOG.error("Consumer loop {} stopped unexpectedly", groupId, e);
    } finally {
      consumer = null;
    }
  }

  private record Failure(
      ConsumerRecord<String, String> record,
      Exception cause,
      Map<TopicPartition, OffsetAndMetadata> committed) {}

  /**
   * Handles records partition by partition until one fails or a stop is requested; fills {@code
   * handled} and returns the failure, if any.
   */
  private Failure handleAll(
      ConsumerRecords<String, String> records, Map<TopicPartition, OffsetAndMetadata> handled) {
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, String>> batch = records.records(partition);
      if (handledAsBatch(partition, batch, handled)) {
        continue;
      }
      for (ConsumerRecord<String, String> record : batch) {
        if (!running) {
          // Stopping: what is handled gets committed, the rest is read again after a restart.
          return null;
        }
        // The record's trace goes on in the handler's log lines and in any event it writes. A
        // batch has no single trace, so a batch is handled without one.
        try (TraceScope trace = TraceScope.continueOrStart(traceParentOf(record))) {
          handler.handle(record);
        } catch (Exception e) {
          return new Failure(record, e, Map.copyOf(handled));
        }
        handled.put(partition, new OffsetAndMetadata(record.offset() + 1));
        processed.mark();
      }
    }
    return null;
  }

  private static String traceParentOf(ConsumerRecord<String, String> record) {
    Header header = record.headers().lastHeader(TraceParent.HEADER);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  /**
   * Hands a partition's records to a {@link BatchRecordHandler} in one call; false when the handler
   * cannot take batches or the batch failed, and the records are to be handled one at a time.
   */
  private boolean handledAsBatch(
      TopicPartition partition,
      List<ConsumerRecord<String, String>> batch,
      Map<TopicPartition, OffsetAndMetadata> handled) {
    if (!(handler instanceof BatchRecordHandler batchHandler) || batch.size() < 2 || !running) {
      return false;
    }
    try {
      batchHandler.handleAll(batch);
    } catch (Exception e) {
      LOG.info(
          "Consumer {} could not handle {} records of {} at once ({}); handling them one by one",
          groupId,
          batch.size(),
          partition,
          e.toString());
      return false;
    }
    handled.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
    processed.mark(batch.size());
    return true;
  }

  /** Moves every partition of the poll back to its first record that was not handled. */
  private static void rewind(
      Consumer<String, String> c,
      ConsumerRecords<String, String> records,
      Map<TopicPartition, OffsetAndMetadata> handled) {
    for (TopicPartition partition : records.partitions()) {
      OffsetAndMetadata done = handled.get(partition);
      long next = done != null ? done.offset() : records.records(partition).get(0).offset();
      c.seek(partition, next);
    }
  }

  private static long currentLag(Consumer<String, String> c) {
    long total = 0;
    for (TopicPartition partition : c.assignment()) {
      OptionalLong partitionLag = c.currentLag(partition);
      if (partitionLag.isPresent()) {
        total += partitionLag.getAsLong();
      }
    }
    return total;
  }

  private void commitQuietly(
      Consumer<String, String> c, Map<TopicPartition, OffsetAndMetadata> handled) {
    if (handled.isEmpty()) {
      return;
    }
    try {
      c.commitSync(handled, Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      LOG.info("Consumer {} could not commit on stop; those records will be read again", groupId);
    }
  }

  /** Describes a {@link KafkaConsumerLoop}. */
  public static final class Builder {
    private final String groupId;
    private final Supplier<Consumer<String, String>> consumers;
    private final RecordHandler handler;
    private List<String> topics = List.of();
    private Duration pollTimeout = Duration.ofMillis(500);
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private MetricRegistry metrics = new MetricRegistry();
    private Clock clock = Clock.systemUTC();

    private Builder(
        String groupId, Supplier<Consumer<String, String>> consumers, RecordHandler handler) {
      this.groupId = Objects.requireNonNull(groupId, "groupId");
      this.consumers = Objects.requireNonNull(consumers, "consumers");
      this.handler = Objects.requireNonNull(handler, "handler");
    }

    public Builder topics(String... topics) {
      this.topics = List.of(topics);
      return this;
    }

    public Builder topics(List<String> topics) {
      this.topics = List.copyOf(topics);
      return this;
    }

    /** How long one poll waits for records; also bounds how late a stop is noticed. */
    public Builder pollTimeout(Duration pollTimeout) {
      this.pollTimeout = pollTimeout;
      return this;
    }

    /**
     * The retry delays after a handler failure. Keep {@code max} well below the consumer's {@code
     * max.poll.interval.ms} (5 minutes by default), or the group will evict the waiting consumer.
     */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Where the meters {@code kafka-consumer.<group>.processed}, {@code .failures} and the gauge
     * {@code .lag} go.
     */
    public Builder metrics(MetricRegistry metrics) {
      this.metrics = metrics;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public KafkaConsumerLoop build() {
      if (topics.isEmpty()) {
        throw new IllegalStateException("consumer loop " + groupId + " has no topics");
      }
      if (initialBackoff.isNegative()
          || initialBackoff.isZero()
          || maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalStateException("need 0 < initial backoff <= max backoff");
      }
      return new KafkaConsumerLoop(this);
    }
  }
}
