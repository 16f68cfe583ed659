package dev.stockroom.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.core.setup.Environment;
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

  @Test
  void failedMigrationFailsStartup() {
    DatabaseFactory factory = TestJdbi.factory(url(), user(), password());
    factory.setMigrationsFile("no-such-changelog.xml");
    assertThatThrownBy(() -> factory.build(new Environment("test"), "db"))
        .isInstanceOf(LiquibaseMigrator.MigrationException.class)
        .hasMessageContaining("no-such-changelog.xml");
  }
}
