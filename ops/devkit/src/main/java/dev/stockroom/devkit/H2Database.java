package dev.stockroom.devkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving a test class its own fresh in-memory H2 database in PostgreSQL mode.
 *
 * <pre>{@code
 * @RegisterExtension static H2Database h2 = new H2Database();
 * }</pre>
 *
 * <p>The database lives from the class's first test to its last, whether or not a connection is
 * open in between (a pool may close all of its connections), and is then shut down, which discards
 * it. Like {@link PostgresDatabase}, its URL is fixed at construction.
 */
public final class H2Database implements BeforeAllCallback, AfterAllCallback {

  /** The URL options every Stockroom H2 URL carries so the same SQL runs on H2 and PostgreSQL. */
  public static final String POSTGRES_COMPATIBILITY =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  private static final String USER = "sa";
  private static final String PASSWORD = "";

  private final String name;
  private Connection keepAlive;
  private String creatorContextId;

  /** A new database with a unique name. */
  public H2Database() {
    this.name = "stockroom_test_" + UUID.randomUUID().toString().replace("-", "");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    if (creatorContextId != null) {
      return;
    }
    // An in-memory H2 database disappears when its last connection closes; holding one open
    // keeps it for the whole class without DB_CLOSE_DELAY leaking it past the class.
    keepAlive = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    creatorContextId = context.getUniqueId();
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    if (!context.getUniqueId().equals(creatorContextId)) {
      return;
    }
    try (Connection connection = keepAlive;
        Statement statement = connection.createStatement()) {
      // Closes every other session too, so a pool the test forgot cannot keep it alive.
      statement.execute("SHUTDOWN");
    } finally {
      keepAlive = null;
      creatorContextId = null;
    }
  }

  /** JDBC URL of this class's database, with {@link #POSTGRES_COMPATIBILITY}. */
  public String jdbcUrl() {
    return "jdbc:h2:mem:" + name + POSTGRES_COMPATIBILITY;
  }

  /** User, {@code sa}. */
  public String user() {
    return USER;
  }

  /** Password, empty. */
  public String password() {
    return PASSWORD;
  }

  /** The generated database name. */
  public String databaseName() {
    return name;
  }
}
