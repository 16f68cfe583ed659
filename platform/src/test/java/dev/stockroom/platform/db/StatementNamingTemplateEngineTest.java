package dev.stockroom.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementNamingTemplateEngineTest {
  interface Probe {
    @SqlQuery("SELECT <value>")
    int select(@Define("value") int value);
  }

  private final CountingEngine counting = new CountingEngine();
  private final List<String> executed = new ArrayList<>();
  private Jdbi jdbi;

  @BeforeEach
  void setUp() {
    jdbi = Jdbi.create("jdbc:h2:mem:naming;DB_CLOSE_DELAY=-1").installPlugin(new SqlObjectPlugin());
    jdbi.getConfig(SqlStatements.class)
        .setTemplateEngine(new StatementNamingTemplateEngine(counting))
        .setSqlLogger(
            new SqlLogger() {
              @Override
              public void logBeforeExecution(StatementContext context) {
                executed.add(context.getRenderedSql());
              }
            });
  }

  @Test
  void namesSqlObjectStatementsAfterTheirInterfaceAndMethod() {
    int value = jdbi.withExtension(Probe.class, probe -> probe.select(7));

    assertThat(value).isEqualTo(7);
    assertThat(executed).containsExactly("/* Probe.select */ SELECT 7");
  }

  @Test
  void leavesStatementsOutsideSqlObjectsUnnamed() {
    int value =
        jdbi.withHandle(h -> h.createQuery("SELECT <v>").define("v", 3).mapTo(int.class).one());

    assertThat(value).isEqualTo(3);
    assertThat(executed).containsExactly("SELECT 3");
  }

  @Test
  void parsesEachTemplateOnceAndRendersItWithEachCallsAttributes() {
    for (int i = 1; i <= 5; i++) {
      int value = i;
      int selected = jdbi.withExtension(Probe.class, probe -> probe.select(value));
      assertThat(selected).isEqualTo(i);
    }

    assertThat(executed).last().isEqualTo("/* Probe.select */ SELECT 5");
    assertThat(counting.parses.get()).isEqualTo(1);
    assertThat(counting.renders.get()).isZero();
  }

  /** The real engine, counting how often JDBI asks it to parse or to render from scratch. */
  private static final class CountingEngine implements TemplateEngine.Parsing {
    private final DefinedAttributeTemplateEngine real = new DefinedAttributeTemplateEngine();
    final AtomicInteger parses = new AtomicInteger();
    final AtomicInteger renders = new AtomicInteger();

    @Override
    public Optional<Function<StatementContext, String>> parse(
        String template, ConfigRegistry config) {
      parses.incrementAndGet();
      return real.parse(template, config);
    }

    @Override
    public String render(String template, StatementContext ctx) {
      renders.incrementAndGet();
      return real.render(template, ctx);
    }
  }
}
