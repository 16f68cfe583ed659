package dev.stockroom.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.platform.db.TestJdbi;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@link ProcessedEvents} on one database; subclasses pick H2 or PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProcessedEventsContract {
  private TestJdbi db;
  private Jdbi jdbi;

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

  private boolean mark(String consumer, UUID eventId) {
    return jdbi.inTransaction(h -> ProcessedEvents.markProcessed(h, consumer, eventId));
  }

  @Test
  void marksAnEventProcessedOnlyTheFirstTime() {
    UUID eventId = UUID.randomUUID();
    assertThat(mark("mailer", eventId)).isTrue();
    assertThat(mark("mailer", eventId)).isFalse();
  }

  @Test
  void eachConsumerKeepsItsOwnRecord() {
    UUID eventId = UUID.randomUUID();
    assertThat(mark("mailer", eventId)).isTrue();
    assertThat(mark("auditor", eventId)).isTrue();
  }

  @Test
  void aBatchMarksOnlyWhatIsNewAndEachIdOnce() {
    UUID seen = UUID.randomUUID();
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    assertThat(mark("mailer", seen)).isTrue();

    Set<UUID> fresh =
        jdbi.inTransaction(
            h -> ProcessedEvents.markProcessed(h, "mailer", List.of(second, seen, first, second)));

    assertThat(fresh).containsExactly(second, first);
    assertThat(mark("mailer", first)).isFalse();
    Set<UUID> again =
        jdbi.inTransaction(h -> ProcessedEvents.markProcessed(h, "mailer", List.of(first, second)));
    assertThat(again).isEmpty();
  }

  @Test
  void aRolledBackEffectLeavesTheEventUnprocessed() {
    UUID eventId = UUID.randomUUID();
    assertThatThrownBy(
            () ->
                jdbi.useTransaction(
                    h -> {
                      assertThat(ProcessedEvents.markProcessed(h, "mailer", eventId)).isTrue();
                      throw new IllegalStateException("the effect failed");
                    }))
        .hasMessage("the effect failed");
    assertThat(mark("mailer", eventId)).isTrue();
  }

  @Test
  void deletesOnlyMarksOlderThanTheCutoffAndAtMostTheLimit() {
    String consumer = "retention-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      UUID eventId = UUID.randomUUID();
      jdbi.useTransaction(h -> ProcessedEvents.markProcessed(h, consumer, eventId));
    }
    Instant future = Instant.now().plusSeconds(60);
    Instant past = Instant.now().minusSeconds(3600);
    int none = jdbi.inTransaction(h -> ProcessedEvents.deleteProcessedBefore(h, past, 10));
    assertThat(none).isZero();
    int deleted = jdbi.inTransaction(h -> ProcessedEvents.deleteProcessedBefore(h, future, 2));
    assertThat(deleted).isEqualTo(2);
  }
}
