package dev.stockroom.platform.outbox;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import dev.stockroom.platform.db.SqlObjects;
import dev.stockroom.platform.kafka.Backoff;
import dev.stockroom.platform.kafka.KafkaHeaders;
import io.dropwizard.lifecycle.Managed;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed {@code outbox_events} rows to Kafka, on its own thread.
 *
 * <p>It reads the oldest unpublished rows in id order, sends the batch with an idempotent producer,
 * waits for every acknowledgement and then marks exactly the acknowledged rows published. Once a
 * send is known to have failed it sends nothing more from that batch (what is already in flight for
 * one partition the idempotent producer keeps in order), backs off exponentially (up to {@code
 * maxBackoff}) until Kafka answers again, and starts over at the oldest unpublished row. A row is
 * therefore published at least once, and twice only when an acknowledgement (or the update that
 * records it) was lost.
 *
 * <p>On PostgreSQL only the relay holding an advisory lock publishes; the others stand by and take
 * over when it stops or its session dies. It wakes on NOTIFY from committing transactions, on the
 * in-process {@link #wakeUp()} and every {@code pollInterval} as a fallback.
 *
 * <p>The active relay also deletes published rows older than {@code retention}, in small batches.
 */
public class OutboxRelay implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /** Caps one retention round so a huge purge never holds up publishing for long. */
  private static final int MAX_PURGE_BATCHES_PER_ROUND = 10;

  /**
   * How the relay runs.
   *
   * @param batchSize rows read and sent per round trip
   * @param pollInterval the longest idle wait when no wake-up arrives
   * @param maxBackoff the longest wait between attempts while Kafka or the database is failing
   * @param lockRetryInterval how often a standby tries to take the lead on PostgreSQL
   * @param retention how long published rows are kept
   * @param retentionBatchSize rows deleted per statement when purging
   * @param retentionInterval how often the purge runs
   */
  public record Settings(
      int batchSize,
      Duration pollInterval,
      Duration maxBackoff,
      Duration lockRetryInterval,
      Duration retention,
      int retentionBatchSize,
      Duration retentionInterval) {
    public Settings {
      if (batchSize < 1 || retentionBatchSize < 1) {
        throw new IllegalArgumentException("batch sizes must be positive");
      }
      Objects.requireNonNull(pollInterval, "pollInterval");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      Objects.requireNonNull(lockRetryInterval, "lockRetryInterval");
      Objects.requireNonNull(retention, "retention");
      Objects.requireNonNull(retentionInterval, "retentionInterval");
    }
  }

  private final String name;
  private final Jdbi jdbi;
  private final Supplier<Producer<String, String>> producers;
  private final Settings settings;
  private final Clock clock;
  private final Meter published;
  private final Meter sendFailures;
  private final Wakeup wakeup = new Wakeup();
  private final CountDownLatch stopRequested = new CountDownLatch(1);

  private volatile boolean running;
  private volatile boolean active;
  private volatile Producer<String, String> producer;
  private Thread thread;
  private Instant nextPurge;

  /**
   * @param name names the thread and the log lines
   * @param producers makes the producer when this relay becomes active; it must be idempotent with
   *     {@code acks=all}, as {@code KafkaFactory.newProducer} is
   */
  public OutboxRelay(
      String name,
      Jdbi jdbi,
      Supplier<Producer<String, String>> producers,
      Settings settings,
      MetricRegistry metrics,
      Clock clock) {
    this.name = name;
    this.jdbi = jdbi;
    SqlObjects.prepare(jdbi, OutboxDao.class);
    this.producers = producers;
    this.settings = settings;
    this.clock = clock;
    this.published = metrics.meter("outbox.published");
    this.sendFailures = metrics.meter("outbox.send-failures");
  }

  @Override
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("relay " + name + " was already started");
    }
    running = true;
    thread = new Thread(this::run, name);
    thread.start();
  }

  /**
   * Stops the relay: it finishes waiting for the acknowledgements of the batch in flight (up to ten
   * seconds, then the producer is closed and unacknowledged rows stay unpublished), gives up the
   * lead and closes its producer. A stopped relay cannot be started again.
   */
  @Override
  public void stop() throws InterruptedException {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    stopRequested.countDown();
    wakeup.signal();
    if (t == null) {
      return;
    }
    t.join(STOP_GRACE.toMillis());
    if (t.isAlive()) {
      Producer<String, String> p = producer;
      if (p != null) {
        // Fails the sends still waiting so the thread can record what was acknowledged and exit.
        p.close(Duration.ZERO);
      }
      t.join(STOP_GRACE.toMillis());
      if (t.isAlive()) {
        LOG.warn("Outbox relay {} did not stop within {}", name, STOP_GRACE.multipliedBy(2));
      }
    }
  }

  /** Asks the relay to look for new rows now; called after a transaction that appended commits. */
  public void wakeUp() {
    wakeup.signal();
  }

  /** Whether this relay currently holds the lead and publishes. */
  public boolean isActive() {
    return active;
  }

  private void run() {
    Backoff backoff = new Backoff(INITIAL_BACKOFF, settings.maxBackoff());
    RelayLeadership leadership = null;
    try {
      while (running) {
        try {
          if (leadership == null) {
            leadership = openLeadership();
          }
          if (!leadership.acquire()) {
            setActive(false);
            leadership.await(settings.lockRetryInterval());
            continue;
          }
          setActive(true);
          if (!drain(leadership)) {
            Duration delay = backoff.nextDelay();
            LOG.warn(
                "Outbox relay {}: Kafka send failed {} time(s) in a row; retrying in {}",
                name,
                backoff.failures(),
                delay);
            pause(delay);
            continue;
          }
          backoff.reset();
          purgeIfDue();
          leadership.await(settings.pollInterval());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException | SQLException e) {
          // The database (or the lock's connection) failed: start over with a fresh lead.
          Duration delay = backoff.nextDelay();
          LOG.warn("Outbox relay {} failed: {}; retrying in {}", name, e, delay);
          LOG.debug("Outbox relay {} failure", name, e);
          setActive(false);
          if (leadership != null) {
            leadership.close();
            leadership = null;
          }
          pause(delay);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      active = false;
      closeProducer();
      if (leadership != null) {
        leadership.close();
      }
      LOG.info("Outbox relay {} stopped", name);
    }
  }

  private RelayLeadership openLeadership() throws SQLException {
    Handle handle = jdbi.open();
    try {
      String product = handle.getConnection().getMetaData().getDatabaseProductName();
      if ("PostgreSQL".equals(product)) {
        return new PostgresLeadership(handle, wakeup, () -> running);
      }
    } catch (SQLException | RuntimeException e) {
      handle.close();
      throw e;
    }
    handle.close();
    return new LocalLeadership(wakeup);
  }

  /**
   * Publishes batches until nothing is left; returns false when a send failed.
   *
   * @throws SQLException when the lead's connection failed
   */
  private boolean drain(RelayLeadership leadership) throws SQLException, InterruptedException {
    while (running) {
      List<OutboxRow> rows =
          jdbi.withExtension(OutboxDao.class, dao -> dao.unpublished(settings.batchSize()));
      if (rows.isEmpty()) {
        return true;
      }
      Sent sent = send(rows);
      if (!sent.acknowledged().isEmpty()) {
        Instant now = clock.instant();
        jdbi.useExtension(OutboxDao.class, dao -> dao.markPublished(sent.acknowledged(), now));
        published.mark(sent.acknowledged().size());
      }
      if (sent.failure() != null) {
        sendFailures.mark();
        LOG.warn(
            "Outbox relay {}: {} of {} event(s) acknowledged; the next is retried: {}",
            name,
            sent.acknowledged().size(),
            rows.size(),
            sent.failure().toString());
        return false;
      }
      if (rows.size() < settings.batchSize() || !leadership.acquire()) {
        return true;
      }
    }
    return true;
  }

  private record Sent(List<Long> acknowledged, Exception failure) {}

  private Sent send(List<OutboxRow> rows) throws InterruptedException {
    Producer<String, String> p = producer();
    AtomicReference<Exception> firstFailure = new AtomicReference<>();
    List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
    for (OutboxRow row : rows) {
      // Once anything failed, later rows wait for the retry so they cannot overtake it.
      if (firstFailure.get() != null || !running) {
        break;
      }
      try {
        futures.add(
            p.send(
                toRecord(row),
                (metadata, exception) -> {
                  if (exception != null) {
                    firstFailure.compareAndSet(null, exception);
                  }
                }));
      } catch (KafkaException | IllegalStateException e) {
        firstFailure.compareAndSet(null, e);
      }
    }
    List<Long> acknowledged = new ArrayList<>(futures.size());
    for (int i = 0; i < futures.size(); i++) {
      try {
        futures.get(i).get();
        acknowledged.add(rows.get(i).id());
      } catch (ExecutionException e) {
        firstFailure.compareAndSet(null, (Exception) e.getCause());
      }
    }
    return new Sent(acknowledged, firstFailure.get());
  }

  private static ProducerRecord<String, String> toRecord(OutboxRow row) {
    List<Header> headers = new ArrayList<>();
    for (Map.Entry<String, String> header : HeadersJson.read(row.headers()).entrySet()) {
      if (!header.getKey().equals(KafkaHeaders.EVENT_ID)
          && !header.getKey().equals(KafkaHeaders.EVENT_TYPE)) {
        headers.add(utf8(header.getKey(), header.getValue()));
      }
    }
    headers.add(utf8(KafkaHeaders.EVENT_ID, row.eventId().toString()));
    headers.add(utf8(KafkaHeaders.EVENT_TYPE, row.eventType()));
    // No explicit timestamp: the broker's retention counts from publication, so an event that
    // waited out a long outage is not deleted the moment it arrives.
    return new ProducerRecord<>(row.topic(), null, null, row.messageKey(), row.payload(), headers);
  }

  private static Header utf8(String key, String value) {
    return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
  }

  private Producer<String, String> producer() {
    Producer<String, String> p = producer;
    if (p == null) {
      p = producers.get();
      producer = p;
    }
    return p;
  }

  private void closeProducer() {
    Producer<String, String> p = producer;
    producer = null;
    if (p != null) {
      try {
        p.close(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        LOG.debug("Closing the outbox producer failed", e);
      }
    }
  }

  private void purgeIfDue() {
    Instant now = clock.instant();
    if (nextPurge != null && now.isBefore(nextPurge)) {
      return;
    }
    nextPurge = now.plus(settings.retentionInterval());
    Instant cutoff = now.minus(settings.retention());
    int limit = settings.retentionBatchSize();
    int total = 0;
    for (int round = 0; round < MAX_PURGE_BATCHES_PER_ROUND && running; round++) {
      int deleted =
          jdbi.withExtension(OutboxDao.class, dao -> dao.deletePublishedBefore(cutoff, limit));
      total += deleted;
      if (deleted < limit) {
        break;
      }
      if (round == MAX_PURGE_BATCHES_PER_ROUND - 1) {
        // More to delete: carry on at the next idle moment rather than in one long purge.
        nextPurge = now;
      }
    }
    if (total > 0) {
      LOG.info("Outbox relay {} deleted {} event(s) published before {}", name, total, cutoff);
    }
  }

  private void setActive(boolean nowActive) {
    if (active != nowActive) {
      active = nowActive;
      LOG.info("Outbox relay {} is {}", name, nowActive ? "active" : "standing by");
    }
  }

  /** Sleeps for {@code delay} unless a stop is requested; commits do not cut a backoff short. */
  private void pause(Duration delay) throws InterruptedException {
    stopRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS);
  }
}
