package dev.stockroom.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockroom.devkit.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

class PostgresOutboxTest extends OutboxContract {
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
  void notifiesOtherSessionsWhenTheAppendingTransactionCommits() throws Exception {
    Outbox outbox = new Outbox(Clock.systemUTC(), () -> {});
    try (Connection listener = DriverManager.getConnection(url(), user(), password())) {
      try (Statement statement = listener.createStatement()) {
        statement.execute("LISTEN " + Outbox.CHANNEL);
      }
      PGConnection pg = listener.unwrap(PGConnection.class);
      jdbi.useTransaction(
          h -> {
            outbox.append(h, message("k1"));
            assertThat(pg.getNotifications(200)).as("nothing before commit").isNullOrEmpty();
          });
      PGNotification[][] received = new PGNotification[1][];
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> (received[0] = pg.getNotifications(100)) != null && received[0].length > 0);
      assertThat(received[0][0].getName()).isEqualTo(Outbox.CHANNEL);
    }
  }

  @Test
  void doesNotNotifyWhileTheLocalRelayLeadsButStillWakesIt() throws Exception {
    AtomicInteger wakeUps = new AtomicInteger();
    Outbox outbox = new Outbox(Clock.systemUTC(), wakeUps::incrementAndGet, () -> true);
    try (Connection listener = DriverManager.getConnection(url(), user(), password())) {
      try (Statement statement = listener.createStatement()) {
        statement.execute("LISTEN " + Outbox.CHANNEL);
      }
      PGConnection pg = listener.unwrap(PGConnection.class);
      jdbi.useTransaction(h -> outbox.append(h, message("k1")));

      assertThat(wakeUps.get()).isEqualTo(1);
      assertThat(pg.getNotifications(500))
          .as("PostgreSQL commits notifying transactions one at a time; a local leader needs none")
          .isNullOrEmpty();
    }
  }
}
