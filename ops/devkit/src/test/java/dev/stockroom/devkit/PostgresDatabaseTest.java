package dev.stockroom.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small fixture classes through the JUnit engine so what the extension does before and after a
 * class (create, drop) can be checked from outside. Needs the local PostgreSQL server.
 */
class PostgresDatabaseTest {

  private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  private static PostgresDatabase seenByFixture;
  private static Connection leftOpenByFixture;

  @Test
  void givesTheClassAFreshWritableDatabaseAndDropsItAfterwardsEvenWithAConnectionLeftOpen()
      throws Exception {
    Events tests = run(WritingFixture.class);

    tests.assertStatistics(stats -> stats.succeeded(2).failed(0).aborted(0));
    assertThat(seenByFixture.databaseName()).matches("stockroom_test_[0-9a-f]{32}");
    assertThat(databaseExists(seenByFixture.databaseName())).isFalse();
    assertThat(leftOpenByFixture.isValid(2)).as("FORCE ended the leaked session").isFalse();
    leftOpenByFixture.close();
  }

  @Test
  void eachExtensionHasItsOwnDatabase() {
    assertThat(new PostgresDatabase().jdbcUrl()).isNotEqualTo(new PostgresDatabase().jdbcUrl());
  }

  @Test
  void skipsTheClassWhenNoServerAnswers() throws Exception {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(UnreachableFixture.class))
            .execute();

    results.testEvents().assertStatistics(stats -> stats.started(0));
    results.containerEvents().assertStatistics(stats -> stats.aborted(1).failed(0));
  }

  @Test
  void failsTheClassWhenNoServerAnswersButOneIsRequired() throws Exception {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(RequiredButUnreachableFixture.class))
        .execute()
        .containerEvents()
        .assertStatistics(stats -> stats.failed(1).aborted(0));
  }

  private static Events run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(fixture))
        .execute()
        .testEvents()
        .debug();
  }

  private static boolean databaseExists(String name) throws Exception {
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement statement = admin.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
      rows.next();
      return rows.getInt(1) == 1;
    }
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static class WritingFixture {
    @RegisterExtension static PostgresDatabase pg = new PostgresDatabase();

    @Test
    void writesAndReadsBack() throws Exception {
      seenByFixture = pg;
      try (Connection connection =
              DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE items (id uuid PRIMARY KEY, name varchar(50) NOT NULL)");
        statement.execute(
            "INSERT INTO items VALUES ('6f1c1a4e-4a7e-4d55-9a43-3f5b1c0b2c11', 'first')"
                + " ON CONFLICT DO NOTHING");
        try (ResultSet rows =
            statement.executeQuery("SELECT current_database(), name FROM items")) {
          rows.next();
          assertThat(rows.getString(1)).isEqualTo(pg.databaseName());
          assertThat(rows.getString(2)).isEqualTo("first");
        }
      }
      assertThat(databaseExists(pg.databaseName())).isTrue();
    }

    @Test
    void leavesAConnectionOpenLikeAnUnclosedPool() throws Exception {
      leftOpenByFixture = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
    }
  }

  static class UnreachableFixture {
    @RegisterExtension static PostgresDatabase pg = unreachable(Map.of());

    @Test
    void neverRuns() {
      throw new AssertionError("ran without a database");
    }
  }

  static class RequiredButUnreachableFixture {
    @RegisterExtension
    static PostgresDatabase pg = unreachable(Map.of("STOCKROOM_TEST_PG_REQUIRED", "true"));

    @Test
    void neverRuns() {
      throw new AssertionError("ran without a database");
    }
  }

  private static PostgresDatabase unreachable(Map<String, String> extra) {
    try {
      Map<String, String> env = new HashMap<>(extra);
      env.put("STOCKROOM_TEST_PG_PORT", Integer.toString(closedPort()));
      return new PostgresDatabase(env);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
