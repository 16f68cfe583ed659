package dev.stockroom.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.MetricRegistry;
import dev.stockroom.devkit.KafkaBroker;
import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.platform.db.TestJdbi;
import dev.stockroom.platform.kafka.KafkaFactory;
import dev.stockroom.platform.kafka.KafkaHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The relay against the real broker on one database; subclasses pick H2 or PostgreSQL. */
@ExtendWith(SharedKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OutboxRelayContract {
  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private TestJdbi db;
  protected Jdbi jdbi;
  protected String topic;
  private static final AtomicInteger RELAY_NUMBER = new AtomicInteger();
  private final List<OutboxRelay> relays = new ArrayList<>();

  abstract String url();

  abstract String user();

  abstract String password();

  @BeforeAll
  void migrate() {
    db = TestJdbi.migrated(url(), user(), password());
    jdbi = db.jdbi();
  }

  @AfterAll
  void close() throws Exception {
    db.close();
  }

  @BeforeEach
  void emptyOutboxAndCreateTopic() {
    // Rows a failed test left behind would otherwise be published by the next test's relay.
    jdbi.useHandle(h -> h.execute("DELETE FROM outbox_events"));
    topic = "outbox-it-" + UUID.randomUUID();
    SharedKafka.createTopic(topic, 3);
  }

  @AfterEach
  void stopRelaysAndBringTheBrokerBack() throws InterruptedException {
    for (OutboxRelay relay : relays) {
      relay.stop();
    }
    relays.clear();
    KafkaBroker broker = SharedKafka.broker();
    if (!broker.isRunning()) {
      broker.restart();
    }
  }

  static OutboxRelay.Settings settings(Duration pollInterval) {
    return new OutboxRelay.Settings(
        50,
        pollInterval,
        Duration.ofSeconds(1),
        Duration.ofMillis(500),
        Duration.ofDays(7),
        100,
        Duration.ofHours(1));
  }

  static KafkaFactory kafka() {
    KafkaFactory kafka = new KafkaFactory();
    kafka.setBootstrapServers(SharedKafka.bootstrapServers());
    kafka.setClientId("outbox-it");
    return kafka;
  }

  protected OutboxRelay startRelay(
      KafkaFactory kafka, OutboxRelay.Settings settings, MetricRegistry metrics) {
    OutboxRelay relay =
        new OutboxRelay(
            "outbox-relay-" + RELAY_NUMBER.incrementAndGet(),
            jdbi,
            () -> kafka.newProducer("outbox-relay"),
            settings,
            metrics,
            Clock.systemUTC());
    relays.add(relay);
    relay.start();
    return relay;
  }

  protected OutboxMessage message(String key, int sequence) {
    return new OutboxMessage(
        UUID.randomUUID(),
        topic,
        key,
        "ThingHappened",
        "{\"key\":\"" + key + "\",\"seq\":" + sequence + "}",
        Map.of(KafkaHeaders.TRACEPARENT, TRACEPARENT));
  }

  /** Appends {@code count} events round-robin over {@code keys}, one transaction per event. */
  protected List<OutboxMessage> appendEvents(Outbox outbox, int count, int keys, int firstSeq) {
    List<OutboxMessage> appended = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      OutboxMessage message = message("key-" + (i % keys), firstSeq + i);
      jdbi.useTransaction(h -> outbox.append(h, message));
      appended.add(message);
    }
    return appended;
  }

  protected long backlog() {
    return jdbi.withExtension(OutboxDao.class, OutboxDao::backlog);
  }

  static List<UUID> eventIds(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(KafkaHeaders::eventId).toList();
  }

  /** Waits until every message's event id was read from the topic; returns what was read. */
  protected List<ConsumerRecord<String, String>> awaitAllDelivered(
      List<OutboxMessage> messages, Duration atMost) {
    Set<UUID> expected = new LinkedHashSet<>();
    messages.forEach(m -> expected.add(m.eventId()));
    List<List<ConsumerRecord<String, String>>> read = new ArrayList<>();
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              List<ConsumerRecord<String, String>> records =
                  SharedKafka.consume(topic, expected.size(), Duration.ofSeconds(5));
              assertThat(eventIds(records)).containsAll(expected);
              read.clear();
              read.add(records);
            });
    return read.get(0);
  }

  /** Per key, the sequence numbers in the order of each event's first appearance on the topic. */
  static Map<String, List<String>> firstSeenOrderByKey(
      List<ConsumerRecord<String, String>> records) {
    Map<String, List<String>> order = new LinkedHashMap<>();
    Set<UUID> seen = new LinkedHashSet<>();
    for (ConsumerRecord<String, String> record : records) {
      if (seen.add(KafkaHeaders.eventId(record))) {
        order.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
      }
    }
    return order;
  }

  static Map<String, List<String>> appendOrderByKey(List<OutboxMessage> messages) {
    Map<String, List<String>> order = new LinkedHashMap<>();
    for (OutboxMessage message : messages) {
      order.computeIfAbsent(message.key(), k -> new ArrayList<>()).add(message.payload());
    }
    return order;
  }

  @Test
  void publishesCommittedEventsWithKeyValueAndHeadersInPerKeyOrder() {
    MetricRegistry metrics = new MetricRegistry();
    OutboxRelay relay = startRelay(kafka(), settings(Duration.ofSeconds(30)), metrics);
    Outbox outbox = new Outbox(relay);

    List<OutboxMessage> appended = new ArrayList<>();
    for (int tx = 0; tx < 10; tx++) {
      List<OutboxMessage> batch =
          List.of(message("key-a", tx), message("key-b", tx), message("key-c", tx));
      jdbi.useTransaction(h -> batch.forEach(m -> outbox.append(h, m)));
      appended.addAll(batch);
    }

    List<ConsumerRecord<String, String>> records =
        awaitAllDelivered(appended, Duration.ofSeconds(60));
    assertThat(eventIds(records)).as("no duplicates without a lost ack").doesNotHaveDuplicates();
    Map<UUID, OutboxMessage> byId = new LinkedHashMap<>();
    appended.forEach(m -> byId.put(m.eventId(), m));
    for (ConsumerRecord<String, String> record : records) {
      OutboxMessage sent = byId.get(KafkaHeaders.eventId(record));
      assertThat(record.key()).isEqualTo(sent.key());
      assertThat(record.value()).isEqualTo(sent.payload());
      assertThat(KafkaHeaders.lastHeader(record, KafkaHeaders.EVENT_TYPE))
          .contains("ThingHappened");
      assertThat(KafkaHeaders.lastHeader(record, KafkaHeaders.TRACEPARENT)).contains(TRACEPARENT);
    }
    assertThat(firstSeenOrderByKey(records)).isEqualTo(appendOrderByKey(appended));
    await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);
    assertThat(metrics.meter("outbox.published").getCount()).isEqualTo(appended.size());
  }

  @Test
  void publishesNothingFromARolledBackTransaction() {
    OutboxRelay relay = startRelay(kafka(), settings(Duration.ofSeconds(30)), new MetricRegistry());
    Outbox outbox = new Outbox(relay);
    OutboxMessage rolledBack = message("key-a", 1);
    try {
      jdbi.useTransaction(
          h -> {
            outbox.append(h, rolledBack);
            throw new IllegalStateException("the change failed");
          });
    } catch (IllegalStateException expected) {
      // The caller's transaction failed, so its event must vanish with it.
    }
    OutboxMessage committed = message("key-a", 2);
    jdbi.useTransaction(h -> outbox.append(h, committed));

    List<ConsumerRecord<String, String>> records =
        awaitAllDelivered(List.of(committed), Duration.ofSeconds(60));
    assertThat(eventIds(records)).containsExactly(committed.eventId());
  }

  @Test
  void wakesPromptlyAfterACommitInsteadOfWaitingForThePollInterval() {
    OutboxRelay relay = startRelay(kafka(), settings(Duration.ofSeconds(30)), new MetricRegistry());
    assertRelayWakesPromptly(new Outbox(relay));
  }

  /**
   * Publishes one event so the relay is idle in its 30-second wait, then checks that a second event
   * committed through {@code outbox} arrives long before that wait would end.
   */
  protected void assertRelayWakesPromptly(Outbox outbox) {
    OutboxMessage first = message("key-a", 1);
    jdbi.useTransaction(h -> outbox.append(h, first));
    awaitAllDelivered(List.of(first), Duration.ofSeconds(60));
    await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);

    OutboxMessage second = message("key-a", 2);
    long start = System.nanoTime();
    jdbi.useTransaction(h -> outbox.append(h, second));
    await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(tookMillis).as("published well within the 30 s poll interval").isLessThan(10_000);
    awaitAllDelivered(List.of(first, second), Duration.ofSeconds(30));
  }

  @Test
  void keepsEveryEventWhenTheBrokerStopsAndRestartsMidRun() {
    KafkaFactory kafka = kafka();
    // Short timeouts so sends fail (and the relay backs off) while the broker is away.
    kafka.getProducer().put("delivery.timeout.ms", "3000");
    kafka.getProducer().put("request.timeout.ms", "1000");
    kafka.getProducer().put("linger.ms", "0");
    kafka.getProducer().put("max.block.ms", "2000");
    kafka.getProducer().put("reconnect.backoff.max.ms", "500");
    MetricRegistry metrics = new MetricRegistry();
    OutboxRelay relay = startRelay(kafka, settings(Duration.ofSeconds(30)), metrics);
    Outbox outbox = new Outbox(relay);
    OutboxHealthCheck health =
        new OutboxHealthCheck(new OutboxMonitor(jdbi, Clock.systemUTC()), Duration.ofSeconds(2));
    KafkaBroker broker = SharedKafka.broker();

    List<OutboxMessage> appended = new ArrayList<>(appendEvents(outbox, 20, 4, 0));
    broker.stop();
    appended.addAll(appendEvents(outbox, 20, 4, 20));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(health.execute().isHealthy()).isFalse());
    assertThat(backlog()).isPositive();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> metrics.meter("outbox.send-failures").getCount() > 0);

    broker.restart();
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(health.execute().isHealthy()).isTrue());
    assertThat(backlog()).isZero();

    List<ConsumerRecord<String, String>> records =
        awaitAllDelivered(appended, Duration.ofSeconds(60));
    assertThat(Set.copyOf(eventIds(records)))
        .as("every event arrives; a duplicate is allowed only where an ack was lost")
        .hasSize(appended.size());
    assertThat(firstSeenOrderByKey(records)).isEqualTo(appendOrderByKey(appended));
  }

  @Test
  void deletesPublishedRowsOnceTheyAreOlderThanTheRetention() {
    OutboxRelay.Settings settings =
        new OutboxRelay.Settings(
            50,
            Duration.ofMillis(200),
            Duration.ofSeconds(1),
            Duration.ofMillis(500),
            Duration.ofMillis(100),
            2,
            Duration.ofMillis(100));
    OutboxRelay relay = startRelay(kafka(), settings, new MetricRegistry());
    List<OutboxMessage> appended = appendEvents(new Outbox(relay), 7, 2, 0);

    awaitAllDelivered(appended, Duration.ofSeconds(60));
    List<UUID> ids = appended.stream().map(OutboxMessage::eventId).toList();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbi.withHandle(
                        h ->
                            h.createQuery(
                                    "SELECT count(*) FROM outbox_events WHERE event_id IN (<ids>)")
                                .bindList("ids", ids)
                                .mapTo(Long.class)
                                .one())
                    == 0);
  }
}
