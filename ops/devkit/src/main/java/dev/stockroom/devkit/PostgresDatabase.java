package dev.stockroom.devkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving a test class its own fresh PostgreSQL database.
 *
 * <pre>{@code
 * @RegisterExtension static PostgresDatabase pg = new PostgresDatabase();
 * }</pre>
 *
 * <p>The database is created before the class's first test and dropped (with {@code FORCE}, so
 * connections a pool left open do not block it) after its last. Its name is fixed when the
 * extension is constructed, so {@link #jdbcUrl()} can be read early, for example by an application
 * extension's config overrides declared after this one.
 *
 * <p>The server is 127.0.0.1:5432 as user {@code postgres} with no password unless the environment
 * variables {@code STOCKROOM_TEST_PG_HOST}, {@code STOCKROOM_TEST_PG_PORT}, {@code
 * STOCKROOM_TEST_PG_USER} or {@code STOCKROOM_TEST_PG_PASSWORD} say otherwise. When no server
 * answers, the class's tests are skipped with a message saying so, except when {@code
 * STOCKROOM_TEST_PG_REQUIRED=true} or {@code CI} is set, where that is a failure.
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String databaseName;
  private final boolean required;
  private String creatorContextId;

  /** A database on the server named by the environment (or the local defaults). */
  public PostgresDatabase() {
    this(System.getenv());
  }

  PostgresDatabase(Map<String, String> env) {
    this.host = env.getOrDefault("STOCKROOM_TEST_PG_HOST", "127.0.0.1");
    this.port = Integer.parseInt(env.getOrDefault("STOCKROOM_TEST_PG_PORT", "5432"));
    this.user = env.getOrDefault("STOCKROOM_TEST_PG_USER", "postgres");
    this.password = env.getOrDefault("STOCKROOM_TEST_PG_PASSWORD", "");
    this.databaseName = "stockroom_test_" + UUID.randomUUID().toString().replace("-", "");
    String requiredFlag = env.get("STOCKROOM_TEST_PG_REQUIRED");
    this.required =
        requiredFlag != null
            ? Boolean.parseBoolean(requiredFlag.toLowerCase(Locale.ROOT))
            : env.containsKey("CI");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    // With @Nested classes beforeAll runs once per class; only the outermost creates and drops.
    if (creatorContextId != null) {
      return;
    }
    try (Connection admin = adminConnection(context);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + databaseName);
    }
    creatorContextId = context.getUniqueId();
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    if (!context.getUniqueId().equals(creatorContextId)) {
      return;
    }
    try (Connection admin = DriverManager.getConnection(adminUrl(), user, password);
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
    } finally {
      creatorContextId = null;
    }
  }

  /** JDBC URL of this class's database. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName;
  }

  /** User that owns the database. */
  public String user() {
    return user;
  }

  /** Password of {@link #user()} (empty for trust authentication). */
  public String password() {
    return password;
  }

  /** The generated database name, {@code stockroom_test_<32 hex digits>}. */
  public String databaseName() {
    return databaseName;
  }

  private String adminUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/postgres";
  }

  private Connection adminConnection(ExtensionContext context) throws SQLException {
    try {
      return DriverManager.getConnection(adminUrl(), user, password);
    } catch (SQLException e) {
      // SQLState class 08 is "connection exception": nothing listens or it refused us.
      if (e.getSQLState() == null || !e.getSQLState().startsWith("08") || required) {
        throw e;
      }
      Assumptions.abort(
          "PostgreSQL at "
              + host
              + ":"
              + port
              + " is not reachable ("
              + e.getMessage()
              + "); skipping "
              + context.getDisplayName()
              + ". Set STOCKROOM_TEST_PG_REQUIRED=true to make this a failure.");
      throw e;
    }
  }
}
