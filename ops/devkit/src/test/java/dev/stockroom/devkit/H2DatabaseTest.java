package dev.stockroom.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

class H2DatabaseTest {

  private static H2Database seenByFixture;

  @Test
  void keepsTheDatabaseForTheWholeClassAndDiscardsItAfterwards() throws Exception {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(Fixture.class))
        .execute()
        .testEvents()
        .debug()
        .assertStatistics(stats -> stats.succeeded(2).failed(0));

    String ifExists = seenByFixture.jdbcUrl() + ";IFEXISTS=TRUE";
    assertThatThrownBy(() -> DriverManager.getConnection(ifExists, "sa", "").close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("not found");
  }

  @Test
  void urlCarriesThePostgresCompatibilityOptions() {
    H2Database h2 = new H2Database();

    assertThat(h2.jdbcUrl())
        .startsWith("jdbc:h2:mem:stockroom_test_")
        .endsWith(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    assertThat(h2.jdbcUrl()).isNotEqualTo(new H2Database().jdbcUrl());
    assertThat(h2.user()).isEqualTo("sa");
    assertThat(h2.password()).isEmpty();
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Fixture {
    @RegisterExtension static H2Database h2 = new H2Database();

    @Test
    @Order(1)
    void runsPortableSqlAndKeepsDataAfterEveryConnectionClosed() throws Exception {
      seenByFixture = h2;
      try (Connection connection =
              DriverManager.getConnection(h2.jdbcUrl(), h2.user(), h2.password());
          Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE Items (id uuid PRIMARY KEY, name varchar(50), at timestamp with time zone)");
        statement.execute(
            "INSERT INTO items VALUES ('6f1c1a4e-4a7e-4d55-9a43-3f5b1c0b2c11', 'first', now())"
                + " ON CONFLICT DO NOTHING");
        statement.execute(
            "INSERT INTO items VALUES ('6f1c1a4e-4a7e-4d55-9a43-3f5b1c0b2c11', 'again', now())"
                + " ON CONFLICT DO NOTHING");
      }
    }

    @Test
    @Order(2)
    void seesWhatAnEarlierTestWroteWithLowerCaseNamesAndNullsLast() throws Exception {
      try (Connection connection =
              DriverManager.getConnection(h2.jdbcUrl(), h2.user(), h2.password());
          Statement statement = connection.createStatement()) {
        statement.execute(
            "INSERT INTO items VALUES ('0a0a0a0a-4a7e-4d55-9a43-3f5b1c0b2c11', NULL, now())");
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_name = 'items'")) {
          assertThat(rows.next()).isTrue();
        }
        try (ResultSet rows = statement.executeQuery("SELECT name FROM items ORDER BY name")) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(1)).isEqualTo("first");
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(1)).isNull();
          assertThat(rows.next()).isFalse();
        }
      }
    }
  }
}
