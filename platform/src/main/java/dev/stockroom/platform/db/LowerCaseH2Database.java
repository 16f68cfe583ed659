package dev.stockroom.platform.db;

import java.sql.SQLException;
import liquibase.CatalogAndSchema;
import liquibase.database.DatabaseConnection;
import liquibase.database.core.H2Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

/**
 * Liquibase's H2 support for our H2 URLs, which carry {@code DATABASE_TO_LOWER=TRUE} so the same
 * SQL runs on H2 and PostgreSQL. Stock {@link H2Database} assumes unquoted names are stored in
 * upper case, so on a second run it does not find {@code databasechangelog} and fails creating it
 * again. This variant is chosen (higher priority, registered in {@code
 * META-INF/services/liquibase.database.Database}) only for H2 connections that store identifiers in
 * lower case; both migrate-on-start and Dropwizard's {@code db migrate} pick it up.
 */
public class LowerCaseH2Database extends H2Database {
  public LowerCaseH2Database() {
    unquotedObjectsAreUppercased = false;
  }

  /** Schema names ({@code public}) are stored in lower case too. */
  @Override
  public CatalogAndSchema.CatalogAndSchemaCase getSchemaAndCatalogCase() {
    return CatalogAndSchema.CatalogAndSchemaCase.LOWER_CASE;
  }

  @Override
  public int getPriority() {
    return super.getPriority() + 1;
  }

  @Override
  public boolean isCorrectDatabaseImplementation(DatabaseConnection connection)
      throws DatabaseException {
    if (!super.isCorrectDatabaseImplementation(connection)
        || !(connection instanceof JdbcConnection jdbc)) {
      return false;
    }
    try {
      return jdbc.getUnderlyingConnection().getMetaData().storesLowerCaseIdentifiers();
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }
}
