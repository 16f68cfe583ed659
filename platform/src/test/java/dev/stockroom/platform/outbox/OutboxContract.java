package dev.stockroom.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.platform.db.TestJdbi;
import dev.stockroom.platform.tracing.TraceScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@link Outbox}, {@link OutboxMonitor} and {@link OutboxHealthCheck} on one database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OutboxContract {
  private TestJdbi db;
  protected Jdbi jdbi;
  private final AtomicInteger signals = new AtomicInteger();
  private final Outbox outbox = new Outbox(Clock.systemUTC(), signals::incrementAndGet);

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
  void emptyOutbox() {
    jdbi.useHandle(h -> h.execute("DELETE FROM outbox_events"));
    signals.set(0);
  }

  private long backlog() {
    return jdbi.withExtension(OutboxDao.class, OutboxDao::backlog);
  }

  static OutboxMessage message(String key) {
    return new OutboxMessage(
        UUID.randomUUID(),
        "things.v1",
        key,
        "ThingHappened",
        "{\"thing\":\"" + key + "\"}",
        Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
  }

  @Test
  void refusesToAppendOutsideATransaction() {
    assertThatThrownBy(() -> jdbi.useHandle(h -> outbox.append(h, message("k"))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(backlog()).isZero();
  }

  @Test
  void storesACommittedEventUnpublishedAndSignalsAfterCommit() {
    OutboxMessage message = message("k1");
    jdbi.useTransaction(
        h -> {
          outbox.append(h, message);
          assertThat(signals.get()).as("no signal before commit").isZero();
        });
    assertThat(signals.get()).isEqualTo(1);
    List<OutboxRow> rows = jdbi.withExtension(OutboxDao.class, dao -> dao.unpublished(10));
    assertThat(rows).hasSize(1);
    OutboxRow row = rows.get(0);
    assertThat(row.eventId()).isEqualTo(message.eventId());
    assertThat(row.topic()).isEqualTo("things.v1");
    assertThat(row.messageKey()).isEqualTo("k1");
    assertThat(row.eventType()).isEqualTo("ThingHappened");
    assertThat(row.payload()).isEqualTo("{\"thing\":\"k1\"}");
    assertThat(HeadersJson.read(row.headers())).isEqualTo(message.headers());
    assertThat(row.createdAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
  }

  @Test
  void anEventCarriesTheTraceOfTheWorkThatWroteItUnlessItBringsItsOwn() {
    OutboxMessage plain = OutboxMessage.of(UUID.randomUUID(), "things.v1", "k2", "T", "{}");
    OutboxMessage own = message("k3");
    String current;
    try (TraceScope scope =
        TraceScope.continueOrStart("00-11111111111111111111111111111111-2222222222222222-01")) {
      current = TraceScope.currentHeader().orElseThrow();
      jdbi.useTransaction(
          h -> {
            outbox.append(h, plain);
            outbox.append(h, own);
          });
    }

    List<OutboxRow> rows = jdbi.withExtension(OutboxDao.class, dao -> dao.unpublished(10));
    assertThat(HeadersJson.read(rows.get(0).headers())).containsEntry("traceparent", current);
    assertThat(current).startsWith("00-11111111111111111111111111111111-");
    assertThat(HeadersJson.read(rows.get(1).headers())).isEqualTo(own.headers());
  }

  @Test
  void aRolledBackTransactionLeavesNoEventAndNoSignal() {
    assertThatThrownBy(
            () ->
                jdbi.useTransaction(
                    h -> {
                      outbox.append(h, message("k1"));
                      throw new IllegalStateException("the change failed");
                    }))
        .hasMessage("the change failed");
    assertThat(backlog()).isZero();
    assertThat(signals.get()).isZero();
  }

  @Test
  void rejectsASecondEventWithTheSameId() {
    OutboxMessage message = message("k1");
    jdbi.useTransaction(h -> outbox.append(h, message));
    assertThatThrownBy(() -> jdbi.useTransaction(h -> outbox.append(h, message)))
        .hasMessageContaining("outbox_events_event_id_uq".substring(0, 13));
    assertThat(backlog()).isEqualTo(1);
  }

  @Test
  void readsUnpublishedRowsInAppendOrder() {
    jdbi.useTransaction(
        h -> {
          for (int i = 0; i < 5; i++) {
            outbox.append(h, message("k" + i));
          }
        });
    List<OutboxRow> rows = jdbi.withExtension(OutboxDao.class, dao -> dao.unpublished(3));
    assertThat(rows).extracting(OutboxRow::messageKey).containsExactly("k0", "k1", "k2");
    jdbi.useExtension(
        OutboxDao.class,
        dao -> dao.markPublished(List.of(rows.get(0).id(), rows.get(1).id()), Instant.now()));
    List<OutboxRow> left = jdbi.withExtension(OutboxDao.class, dao -> dao.unpublished(10));
    assertThat(left).extracting(OutboxRow::messageKey).containsExactly("k2", "k3", "k4");
  }

  @Test
  void healthCheckFailsWhileTheOldestUnpublishedEventIsOlderThanTheThreshold() {
    // Both databases keep microseconds; whole milliseconds compare exactly.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Outbox oldOutbox =
        new Outbox(Clock.fixed(now.minus(Duration.ofMinutes(10)), ZoneOffset.UTC), () -> {});
    OutboxMonitor monitor = new OutboxMonitor(jdbi, Clock.fixed(now, ZoneOffset.UTC));
    OutboxHealthCheck health = new OutboxHealthCheck(monitor, Duration.ofMinutes(1));
    assertThat(health.execute().isHealthy()).isTrue();

    jdbi.useTransaction(h -> oldOutbox.append(h, message("k1")));
    assertThat(monitor.backlog()).isEqualTo(1);
    assertThat(monitor.oldestUnpublishedAge()).isEqualTo(Duration.ofMinutes(10));
    assertThat(health.execute().isHealthy()).isFalse();
    assertThat(health.execute().getMessage()).contains("backlog 1");

    List<Long> ids =
        jdbi.withExtension(OutboxDao.class, dao -> dao.unpublished(10)).stream()
            .map(OutboxRow::id)
            .toList();
    jdbi.useExtension(OutboxDao.class, dao -> dao.markPublished(ids, now));
    assertThat(health.execute().isHealthy()).isTrue();
    assertThat(monitor.oldestUnpublishedAge()).isEqualTo(Duration.ZERO);
  }

  @Test
  void retentionDeletesOnlyPublishedRowsOlderThanTheCutoff() {
    jdbi.useTransaction(
        h -> {
          for (int i = 0; i < 4; i++) {
            outbox.append(h, message("k" + i));
          }
        });
    List<OutboxRow> rows = jdbi.withExtension(OutboxDao.class, dao -> dao.unpublished(10));
    Instant longAgo = Instant.now().minus(Duration.ofDays(30));
    jdbi.useExtension(
        OutboxDao.class,
        dao -> dao.markPublished(List.of(rows.get(0).id(), rows.get(1).id()), longAgo));
    jdbi.useExtension(
        OutboxDao.class, dao -> dao.markPublished(List.of(rows.get(2).id()), Instant.now()));

    Instant cutoff = Instant.now().minus(Duration.ofDays(7));
    int first = jdbi.withExtension(OutboxDao.class, dao -> dao.deletePublishedBefore(cutoff, 1));
    int second = jdbi.withExtension(OutboxDao.class, dao -> dao.deletePublishedBefore(cutoff, 10));
    assertThat(first).as("at most the limit").isEqualTo(1);
    assertThat(second).isEqualTo(1);
    long remaining =
        jdbi.withHandle(
            h -> h.createQuery("SELECT count(*) FROM outbox_events").mapTo(Long.class).one());
    assertThat(remaining).as("the recent published row and the unpublished one stay").isEqualTo(2);
  }
}
