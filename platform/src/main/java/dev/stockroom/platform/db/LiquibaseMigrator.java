package dev.stockroom.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies a Liquibase changelog from the classpath, the same file Dropwizard's {@code db migrate}
 * reads, so both record the same changeset paths and never re-run each other's work.
 */
public final class LiquibaseMigrator {
  private LiquibaseMigrator() {}

  /**
   * Runs Liquibase {@code update} for {@code changelog} (a classpath path such as {@code
   * migrations.xml}). Liquibase's own lock table keeps concurrent instances from migrating at once.
   *
   * @throws MigrationException if a changeset fails
   */
  public static void migrate(DataSource dataSource, String changelog) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      try {
        update(connection, changelog);
      } finally {
        // Liquibase leaves the connection in manual-commit mode; it goes back to the pool, and
        // JDBI would take every later handle on it for one already inside a transaction.
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new MigrationException("Cannot connect to migrate " + changelog, e);
    }
  }

  private static void update(Connection connection, String changelog) {
    try {
      Database database =
          liquibase.database.DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Map<String, Object> scope = new HashMap<>();
      scope.put(
          Scope.Attr.resourceAccessor.name(),
          new ClassLoaderResourceAccessor(LiquibaseMigrator.class.getClassLoader()));
      // Liquibase reports to its own servers by default; a service starting up must not.
      scope.put(AnalyticsArgs.ENABLED.getKey(), false);
      // Progress goes to the log rather than straight to standard output.
      scope.put(Scope.Attr.ui.name(), new LoggerUIService());
      Scope.child(
          scope,
          () ->
              new CommandScope(UpdateCommandStep.COMMAND_NAME)
                  .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                  .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                  // The update summary also goes to the log, never raw onto a command's stdout.
                  .addArgumentValue(
                      ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                  .execute());
    } catch (Exception e) {
      throw new MigrationException("Migration " + changelog + " failed", e);
    }
  }

  /** A migration that could not be applied; the service must not start on a stale schema. */
  public static final class MigrationException extends RuntimeException {
    MigrationException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
