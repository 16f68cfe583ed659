package dev.stockroom.platform.db;

import io.dropwizard.core.setup.Environment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jetty.util.component.LifeCycle;
import org.jdbi.v3.core.Jdbi;

/**
 * A migrated {@link Jdbi} built the way a service builds it ({@link DatabaseFactory}, pooled data
 * source, {@code test-migrations.xml} including the platform changelogs). Closing stops the pool.
 */
public final class TestJdbi implements AutoCloseable {
  public static final String TEST_MIGRATIONS = "test-migrations.xml";

  private final Environment environment;
  private final Jdbi jdbi;

  private TestJdbi(Environment environment, Jdbi jdbi) {
    this.environment = environment;
    this.jdbi = jdbi;
  }

  public static DatabaseFactory factory(String url, String user, String password) {
    DatabaseFactory factory = new DatabaseFactory();
    factory.setDriverClass(url.startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver");
    factory.setUrl(url);
    factory.setUser(user);
    factory.setPassword(password);
    factory.setMigrateOnStart(true);
    factory.setMigrationsFile(TEST_MIGRATIONS);
    return factory;
  }

  public static TestJdbi migrated(String url, String user, String password) {
    Environment environment = new Environment("test");
    Jdbi jdbi = factory(url, user, password).build(environment, "db");
    return new TestJdbi(environment, jdbi);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Environment environment() {
    return environment;
  }

  @Override
  public void close() throws Exception {
    List<LifeCycle> managed = new ArrayList<>(environment.lifecycle().getManagedObjects());
    Collections.reverse(managed);
    for (LifeCycle lifeCycle : managed) {
      lifeCycle.stop();
    }
  }
}
