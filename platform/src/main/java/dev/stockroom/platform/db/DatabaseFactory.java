package dev.stockroom.platform.db;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import jakarta.validation.constraints.NotEmpty;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Dropwizard's {@link DataSourceFactory} (all its YAML keys: {@code driverClass}, {@code url},
 * {@code user}, {@code password}, pool sizes...) plus {@code migrateOnStart}, building the
 * service's {@link Jdbi}. Being a {@code DataSourceFactory}, it is also what the service's {@code
 * MigrationsBundle} returns, so {@code db migrate} and migrate-on-start read the same settings.
 */
public class DatabaseFactory extends DataSourceFactory {
  private boolean migrateOnStart = false;

  @NotEmpty private String migrationsFile = "migrations.xml";

  @JsonProperty
  public boolean isMigrateOnStart() {
    return migrateOnStart;
  }

  @JsonProperty
  public void setMigrateOnStart(boolean migrateOnStart) {
    this.migrateOnStart = migrateOnStart;
  }

  @JsonProperty
  public String getMigrationsFile() {
    return migrationsFile;
  }

  @JsonProperty
  public void setMigrationsFile(String migrationsFile) {
    this.migrationsFile = migrationsFile;
  }

  /**
   * Builds the pooled data source and its {@link Jdbi} with Dropwizard's {@link JdbiFactory}: the
   * pool is managed, SQL timings are metered, the SqlObject (and Guava) plugins are installed and
   * the health check {@code name} runs the validation query. Statements are named by {@link
   * StatementNamingTemplateEngine}, which JDBI can cache. With {@code migrateOnStart}, the
   * changelog is applied first, so the service never serves on an old schema; a failed migration
   * fails startup.
   */
  public Jdbi build(Environment environment, String name) {
    ManagedDataSource dataSource = build(environment.metrics(), name);
    if (migrateOnStart) {
      LiquibaseMigrator.migrate(dataSource, migrationsFile);
    }
    Jdbi jdbi = new JdbiFactory().build(environment, this, dataSource, name);
    jdbi.getConfig(SqlStatements.class).setTemplateEngine(new StatementNamingTemplateEngine());
    return jdbi;
  }
}
