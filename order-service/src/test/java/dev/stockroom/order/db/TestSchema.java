package dev.stockroom.order.db;

import dev.stockroom.platform.db.LiquibaseMigrator;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;

/** A migrated database for DAO tests: the service's real changelog, applied by Liquibase. */
final class TestSchema {
  private TestSchema() {}

  static Jdbi migrate(String jdbcUrl, String user, String password) {
    DataSource dataSource;
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setUrl(jdbcUrl);
      pg.setUser(user);
      pg.setPassword(password);
      dataSource = pg;
    } else {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(jdbcUrl);
      h2.setUser(user);
      h2.setPassword(password);
      dataSource = h2;
    }
    LiquibaseMigrator.migrate(dataSource, "migrations.xml");
    return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
  }
}
