package dev.stockroom.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.core.setup.Environment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;

/** What {@link DatabaseFactory} must do on every supported database; subclasses pick one. */
abstract class DatabaseFactoryContract {
  abstract String url();

  abstract String user();

  abstract String password();

  @Test
  void migratesOnStartSoThePlatformTablesExist() throws Exception {
    try (TestJdbi db = TestJdbi.migrated(url(), user(), password())) {
      long rows =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT (SELECT count(*) FROM outbox_events)"
                                  + " + (SELECT count(*) FROM processed_events)")
                          .mapTo(Long.class)
                          .one());
      assertThat(rows).isZero();
    }
  }

  @Test
  void registersAHealthyDatabaseHealthCheck() throws Exception {
    try (TestJdbi db = TestJdbi.migrated(url(), user(), password())) {
      assertThat(db.environment().healthChecks().runHealthCheck("db").isHealthy()).isTrue();
    }
  }

  @Test
  void migratingAgainChangesNothingAndRecordsClasspathPaths() throws Exception {
    try (TestJdbi first = TestJdbi.migrated(url(), user(), password());
        TestJdbi second = TestJdbi.migrated(url(), user(), password())) {
      long outboxChangeSets =
          second
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT count(*) FROM databasechangelog WHERE filename = :file")
                          .bind("file", "migrations/platform/outbox.xml")
                          .mapTo(Long.class)
                          .one());
      // The table and its dialect-specific index; both recorded once under the classpath path
      // that Dropwizard's `db migrate` also uses.
      assertThat(outboxChangeSets).isEqualTo(2);
    }
  }

  interface OutboxCount {
    @SqlQuery("SELECT count(*) FROM outbox_events")
    long count();
  }

  @Test
  void namesEachDaoStatementForTheDatabasesOwnStatistics() throws Exception {
    try (TestJdbi db = TestJdbi.migrated(url(), user(), password())) {
      List<String> executed = new CopyOnWriteArrayList<>();
      db.jdbi()
          .getConfig(SqlStatements.class)
          .setSqlLogger(
              new SqlLogger() {
                @Override
                public void logBeforeExecution(StatementContext context) {
                  executed.add(context.getRenderedSql());
                }
              });

      assertThat(db.jdbi().withExtension(OutboxCount.class, OutboxCount::count)).isZero();
      assertThat(executed)
          .containsExactly("/* OutboxCount.count */ SELECT count(*) FROM outbox_events");
    }
  }

  @Test
  void failedMigrationFailsStartup() {
    DatabaseFactory factory = TestJdbi.factory(url(), user(), password());
    factory.setMigrationsFile("no-such-changelog.xml");
    assertThatThrownBy(() -> factory.build(new Environment("test"), "db"))
        .isInstanceOf(LiquibaseMigrator.MigrationException.class)
        .hasMessageContaining("no-such-changelog.xml");
  }
}
