package dev.stockroom.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.MetricRegistry;
import dev.stockroom.devkit.PostgresDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresOutboxRelayIT extends OutboxRelayContract {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  String url() {
    return PG.jdbcUrl();
  }

  @Override
  String user() {
    return PG.user();
  }

  @Override
  String password() {
    return PG.password();
  }

  @Test
  void wakesOnTheCommitNotificationOfAnotherInstance() {
    startRelay(kafka(), settings(Duration.ofSeconds(30)), new MetricRegistry());
    // No in-process signal: only PostgreSQL's NOTIFY at commit can wake the relay early.
    assertRelayWakesPromptly(new Outbox(Clock.systemUTC(), () -> {}));
  }

  @Test
  void onlyOneRelayPublishesAtATimeAndTheStandbyTakesOverWhenItStops() throws Exception {
    MetricRegistry firstMetrics = new MetricRegistry();
    MetricRegistry secondMetrics = new MetricRegistry();
    OutboxRelay first = startRelay(kafka(), settings(Duration.ofSeconds(30)), firstMetrics);
    await().atMost(Duration.ofSeconds(10)).until(first::isActive);
    OutboxRelay second = startRelay(kafka(), settings(Duration.ofSeconds(30)), secondMetrics);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> first.isActive() && !second.isActive());

    // Another instance's outbox: it wakes relays only through NOTIFY.
    Outbox outbox = new Outbox(Clock.systemUTC(), () -> {});
    List<OutboxMessage> appended = new ArrayList<>(appendEvents(outbox, 10, 3, 0));
    awaitAllDelivered(appended, Duration.ofSeconds(60));
    await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);
    assertThat(firstMetrics.meter("outbox.published").getCount()).isEqualTo(10);
    assertThat(secondMetrics.meter("outbox.published").getCount()).isZero();
    assertThat(second.isActive()).isFalse();

    first.stop();
    await().atMost(Duration.ofSeconds(10)).until(second::isActive);
    appended.addAll(appendEvents(outbox, 10, 3, 10));
    List<ConsumerRecord<String, String>> records =
        awaitAllDelivered(appended, Duration.ofSeconds(60));
    await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);
    assertThat(secondMetrics.meter("outbox.published").getCount()).isEqualTo(10);
    assertThat(firstMetrics.meter("outbox.published").getCount()).isEqualTo(10);
    List<UUID> ids = eventIds(records);
    assertThat(ids).as("a clean hand-over publishes nothing twice").doesNotHaveDuplicates();
    assertThat(ids).hasSize(20);
  }
}
